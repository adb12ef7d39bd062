package nl.blijvendveilig.monitoring;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.blijvendveilig.deadlines.Deadlines;
import nl.blijvendveilig.measure.Measures;
import nl.blijvendveilig.measure.Measures.EndReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measures per child in the shape of the CBS "Beleidsinformatie Jeugd" delivery (Informatieprotocol,
 * bijlage 2 Regeling Jeugdwet): one record per child per measure that ran on some day of the period,
 * with the protocol's codes; the end date and the reason only once the measure has ended. A GI pastes
 * the rows into CBS's spreadsheet or converts them to its ASCII layout.
 */
@Component
public class CbsExport {

  /** One delivery: which of the project's measure types, and the CBS code of each. */
  public record Delivery(String title, Map<String, String> typeCodes, Map<EndReason, String> reasonCodes) {
  }

  public static final Map<String, Delivery> DELIVERIES = Map.of(
      "jeugdbescherming", new Delivery("Jeugdbescherming (kinderbeschermingsmaatregelen)",
          Map.of("ots", "11", "voorlopige-ots", "12", "voogdij", "21"),
          Map.of(EndReason.OPHEFFING, "02", EndReason.NIET_VERLENGD, "03", EndReason.VOLGENS_PLAN, "04")),
      "jeugdreclassering", new Delivery("Jeugdreclassering",
          Map.of("jeugdreclassering", "41"),
          Map.of(EndReason.VOLGENS_PLAN, "21", EndReason.OPHEFFING, "22", EndReason.NIET_VERLENGD, "25")),
      "machtiging-uithuisplaatsing", new Delivery("Machtigingen uithuisplaatsing",
          Map.of("machtiging-uithuisplaatsing", "MUHP"), Map.of()));

  /** Voogdij ends by other reasons than an OTS: majority, or the court restoring parental authority. */
  static final Map<EndReason, String> VOOGDIJ_REASONS = Map.of(EndReason.VOLGENS_PLAN, "11", EndReason.OPHEFFING, "14",
      EndReason.NIET_VERLENGD, "14");

  static final List<String> COLUMNS = List.of("Burgerservicenummer", "Geboortedatum", "Geslacht", "Postcode",
      "Type maatregel", "Datum aanvang", "Datum einde", "Reden beeindiging", "Datum eerste contact");

  static final DateTimeFormatter CBS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final Measures measures;
  private final JdbcClient jdbc;

  public CbsExport(Measures measures, JdbcClient jdbc) {
    this.measures = measures;
    this.jdbc = jdbc;
  }

  public Optional<Delivery> delivery(String name) {
    return Optional.ofNullable(DELIVERIES.get(name));
  }

  public Table table(Delivery delivery, LocalDate from, LocalDate to) {
    Map<String, LocalDate> firstContact = firstContacts();
    List<List<Object>> rows = new ArrayList<>();
    for (Measures.Measure measure : measures.during(from, to)) {
      String type = delivery.typeCodes().get(measure.type());
      if (type == null) {
        continue;
      }
      boolean ended = measure.endedOn() != null && !measure.endedOn().isAfter(to);
      EndReason reason = ended ? reason(measure) : null;
      String reasonCode = reason == null ? "" : "voogdij".equals(measure.type())
          ? VOOGDIJ_REASONS.get(reason) : delivery.reasonCodes().getOrDefault(reason, "");
      for (Child child : children(measure.caseNumber())) {
        rows.add(List.of(child.bsn(), child.birthDate(), child.gender(), child.postcode(), type,
            measure.start().format(CBS_DATE), ended ? measure.endedOn().format(CBS_DATE) : "", reasonCode,
            Optional.ofNullable(firstContact.get(measure.caseNumber())).map(d -> d.format(CBS_DATE)).orElse("")));
      }
    }
    return new Table("cbs", delivery.title() + " " + from + " t/m " + to, COLUMNS, rows);
  }

  public String csv(Delivery delivery, LocalDate from, LocalDate to) {
    return table(delivery, from, to).csv();
  }

  private static EndReason reason(Measures.Measure measure) {
    for (EndReason reason : EndReason.values()) {
      if (reason.label().equals(measure.endReason())) {
        return reason;
      }
    }
    return EndReason.VOLGENS_PLAN;
  }

  record Child(String bsn, String birthDate, String gender, String postcode) {
  }

  /** The protocol's placeholders: 000000000 for an unknown BSN, O for an unknown sex. */
  private List<Child> children(String caseNumber) {
    return jdbc.sql("""
        select k.bsn, k.birth_date, k.gender, c.postcode from bv_child k join bv_case c on c.case_number = k.case_number
        where k.case_number = ? order by k.id""")
        .param(caseNumber)
        .query((rs, row) -> new Child(rs.getString(1) == null ? "000000000" : rs.getString(1),
            rs.getDate(2) == null ? "" : rs.getDate(2).toLocalDate().format(CBS_DATE),
            rs.getString(3) == null ? "O" : rs.getString(3), rs.getString(4) == null ? "" : rs.getString(4)))
        .list();
  }

  /** The first home visit of each case: the protocol's "datum eerste contact". */
  private Map<String, LocalDate> firstContacts() {
    Map<String, LocalDate> first = new HashMap<>();
    jdbc.sql("""
        select p.BUSINESS_KEY_, min(t.END_TIME_) from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_
        where t.TASK_DEF_KEY_ = 'Task_HomeVisit' and t.DELETE_REASON_ = 'completed' group by p.BUSINESS_KEY_""")
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(Deadlines.NETHERLANDS)
            .toLocalDate()))
        .list().forEach(e -> first.put(e.getKey(), e.getValue()));
    return first;
  }
}
