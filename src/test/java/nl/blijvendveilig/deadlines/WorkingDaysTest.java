package nl.blijvendveilig.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  @Test
  void skipsTheWeekend() {
    // Friday 2026-01-09 + 1 working day = Monday 2026-01-12
    assertThat(WorkingDays.plus(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 12));
  }

  @Test
  void skipsKingsDayAndTheWeekend() {
    // Wednesday 22 April 2026 + 5: Thu 23, Fri 24, (weekend), Mon 27 is Koningsdag, Tue 28, Wed 29, Thu 30
    assertThat(WorkingDays.plus(LocalDate.of(2026, 4, 22), 5)).isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void knowsEasterAndTheHolidaysThatHangOnIt() {
    assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 3))).as("Goede Vrijdag").isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 6))).as("Tweede Paasdag").isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 14))).as("Hemelvaartsdag").isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 25))).as("Tweede Pinksterdag").isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 5))).as("Bevrijdingsdag").isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 12, 25))).isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 12, 26))).isTrue();
    assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 28))).isFalse();
  }

  @Test
  void movesKingsDayToSaturdayWhenTheTwentySeventhIsASunday() {
    assertThat(WorkingDays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26));
    assertThat(WorkingDays.kingsDay(2026)).isEqualTo(LocalDate.of(2026, 4, 27));
  }

  @Test
  void christmasWeekTakesLonger() {
    // Thursday 24 Dec 2026 + 1: Fri 25 and Sat 26 are Kerstdagen, Sun 27 -> Monday 28
    assertThat(WorkingDays.plus(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
  }
}
