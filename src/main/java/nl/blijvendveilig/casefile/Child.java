package nl.blijvendveilig.casefile;

import java.time.LocalDate;

/** A child of the family; every child is looked at, not only the one reported. */
public record Child(String firstName, String lastName, LocalDate birthDate, String bsn, String gender) {

  public Child(String firstName, String lastName, LocalDate birthDate, String bsn) {
    this(firstName, lastName, birthDate, bsn, null);
  }
}
