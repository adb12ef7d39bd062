package nl.blijvendveilig.casefile;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;
import javax.sql.DataSource;
import nl.blijvendveilig.platform.EngineClock;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code JB-<year>-<6 digits>}: readable, and unique across every node because the
 * number comes from one database sequence.
 */
@Component
public class CaseNumbers {

  static final String SEQUENCE = "bv_case_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public CaseNumbers(DataSource dataSource) {
    this.sequence = isPostgres(dataSource)
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next() {
    int year = Year.from(EngineClock.now().toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam"))).getValue();
    return format(year, sequence.nextLongValue());
  }

  static String format(int year, long number) {
    return String.format("JB-%d-%06d", year, number);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot determine the database product", e);
    }
  }
}
