package nl.blijvendveilig.monitoring;

import java.util.List;
import java.util.stream.Collectors;

/** One table of the dashboard, shown as a table (and chart) and exported as CSV just as shown. */
public record Table(String id, String title, List<String> columns, List<List<Object>> rows) {

  /** CSV as Dutch spreadsheets read it: semicolons, every text quoted, UTF-8 with a byte order mark. */
  public String csv() {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(columns.stream().map(Table::cell).collect(Collectors.joining(";"))).append("\r\n");
    for (List<Object> row : rows) {
      csv.append(row.stream().map(Table::cell).collect(Collectors.joining(";"))).append("\r\n");
    }
    return csv.toString();
  }

  static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(nl.blijvendveilig.deadlines.Deadlines.NETHERLANDS);

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof java.time.Instant instant) {
      return TIME.format(instant);
    }
    if (value instanceof Number) {
      return value.toString().replace('.', ',');
    }
    String text = value.toString();
    // a cell starting with = + - @ would be a formula in a spreadsheet: keep it text
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
