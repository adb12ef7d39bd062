package nl.blijvendveilig.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of the case file. */
public record CaseRecord(String caseNumber, String familyName, String city, Instant openedAt, String jeugdbeschermer,
    String directedBy, Instant closedAt, String closingReason, String reentryOf) {

  static final String SELECT = "select case_number, family_name, city, opened_at, jeugdbeschermer, directed_by,"
      + " closed_at, closing_reason, reentry_of from bv_case";

  static CaseRecord map(ResultSet rs, int row) throws SQLException {
    return new CaseRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
        rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
        rs.getString(8), rs.getString(9));
  }

  public boolean isClosed() {
    return closedAt != null;
  }
}
