package nl.blijvendveilig.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.casefile.Child;
import nl.blijvendveilig.formdata.FormValues;

/** The part of the melding that the case file keeps, read from the start form's variables. */
record Melding(String familyName, String city, String postcode, List<Child> children, boolean acuteThreat) {

  static Melding from(FormValues values) {
    List<Child> children = new ArrayList<>();
    for (JsonNode child : values.get("kinderen")) {
      children.add(new Child(
          FormValues.text(child.path("voornaam")).orElse(""),
          FormValues.text(child.path("achternaam")).orElse(""),
          FormValues.date(child.path("geboortedatum")).orElse(null),
          FormValues.text(child.path("bsn")).orElse(null),
          FormValues.text(child.path("geslacht")).orElse(null)));
    }
    JsonNode threats = values.get("acuteDreigingen");
    boolean acute = threats.isArray() && !threats.isEmpty();
    return new Melding(values.text("gezinsnaam").orElse(""), values.text("woonplaats").orElse(null),
        values.text("postcode").map(code -> code.replace(" ", "").toUpperCase()).orElse(null), children, acute);
  }

  /** Age in whole years of the youngest child with a known date of birth, or -1. */
  int youngestChildAge(LocalDate today) {
    return children.stream()
        .map(Child::birthDate)
        .filter(java.util.Objects::nonNull)
        .mapToInt(birth -> java.time.Period.between(birth, today).getYears())
        .min()
        .orElse(-1);
  }
}
