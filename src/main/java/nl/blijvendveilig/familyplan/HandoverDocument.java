package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.casefile.Child;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The "100% schone overdracht" (principle 6): the handover document composed from the latest plan,
 * as XHTML (every value escaped) and as PDF rendered from it. Facts per life area, considerations,
 * help given and its results, the latest safety and risk assessment, the haalbare eindsituatie and
 * the borgingsplan.
 */
@Component
public class HandoverDocument {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private final CaseFiles caseFiles;
  private final PlanRevisions revisions;
  private final SafetyScores scores;
  private final Goals goals;

  public HandoverDocument(CaseFiles caseFiles, PlanRevisions revisions, SafetyScores scores, Goals goals) {
    this.caseFiles = caseFiles;
    this.revisions = revisions;
    this.scores = scores;
    this.goals = goals;
  }

  public String html(String caseNumber) {
    Revision plan = revisions.latest(caseNumber)
        .orElseThrow(() -> new IllegalStateException("Case " + caseNumber + " has no plan"));
    JsonNode content = plan.content();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"UTF-8\"/><title>Overdracht ")
        .append(e(caseNumber)).append("</title><style>body{font-family:sans-serif;font-size:11pt}")
        .append("h1{font-size:16pt}h2{font-size:13pt;border-bottom:1px solid #999}td,th{text-align:left;")
        .append("vertical-align:top;padding:2px 8px}</style></head><body>");
    html.append("<h1>Overdracht gezin ").append(e(caseFiles.familyName(caseNumber).orElse(""))).append("</h1>");
    html.append("<p>Zaak ").append(e(caseNumber)).append(" · gezinsplan revisie ").append(plan.number())
        .append(" van ").append(DATE.format(plan.createdAt())).append("</p>");

    html.append("<h2>Kinderen</h2><ul>");
    for (Child child : caseFiles.children(caseNumber)) {
      html.append("<li>").append(e(child.firstName() + " " + child.lastName()))
          .append(child.birthDate() == null ? "" : " (" + child.birthDate() + ")").append("</li>");
    }
    html.append("</ul>");

    html.append("<h2>Feiten per leefgebied</h2><table><tr><th>Leefgebied</th><th>Zorgen</th><th>Krachten</th></tr>");
    for (JsonNode area : content.path(FamilyPlans.ZORGEN_EN_KRACHTEN)) {
      html.append("<tr><td>").append(e(area.path("leefgebied").asText())).append("</td><td>")
          .append(e(area.path("zorgen").asText())).append("</td><td>").append(e(area.path("krachten").asText()))
          .append("</td></tr>");
    }
    html.append("</table>");

    JsonNode change = content.path(FamilyPlans.VERANDERPLAN);
    section(html, "Afwegingen", Map.of("Patroon", change.path("patroon"), "Instandhoudende factoren",
        change.path("instandhoudendeFactoren"), "Advies casuïstiekbespreking", change.path("casuistiekAdvies")));
    section(html, "Haalbare eindsituatie", Map.of("Eindsituatie", change.path("haalbareEindsituatie"),
        "Wat verandert", change.path("watVerandert"), "Wat blijft gecompenseerd", change.path("watBlijftGecompenseerd")));

    html.append("<h2>Ingezette hulp en resultaat</h2>");
    html.append("<p>").append(e(change.path("hulpPerDoel").asText(""))).append("</p><table><tr><th>Doel</th>")
        .append("<th>Eigenaar</th><th>Hulp</th><th>Voortgang</th></tr>");
    for (Goal goal : goals.of(caseNumber)) {
      html.append("<tr><td>").append(e(goal.description())).append("</td><td>").append(e(goal.owner()))
          .append("</td><td>").append(e(goal.help())).append("</td><td>").append(goal.progress()).append("%</td></tr>");
    }
    html.append("</table>");

    html.append("<h2>Veiligheid en risico</h2>");
    List<SafetyScore> series = scores.series(caseNumber);
    if (!series.isEmpty()) {
      SafetyScore last = series.get(series.size() - 1);
      html.append("<p>Laatste veiligheidsscore: <b>").append(last.score()).append("</b> (")
          .append(e(last.contactType())).append(", ").append(DATE.format(last.scoredAt())).append(")</p>");
    }
    JsonNode safety = content.path(FamilyPlans.VEILIGHEIDSPLAN);
    section(html, "Veiligheidsplan", Map.of("Bodemeisen", safety.path("bodemeisen"), "Veiligheidsafspraken",
        safety.path("veiligheidsafspraken"), "Risicotaxatie", change.path("risicotaxatie")));
    JsonNode borging = content.path(FamilyPlans.BORGINGSPLAN);
    section(html, "Borgingsplan", Map.of("Signalen van terugval", borging.path("terugvalsignalen"),
        "Wie grijpt in, en hoe", borging.path("wieGrijptIn"), "Doorlopende hulp", borging.path("doorlopendeHulp"),
        "Jeugdteam kijkt mee", borging.path("jeugdteamVolgt")));
    html.append("</body></html>");
    return html.toString();
  }

  public byte[] pdf(String html) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the handover document", e);
    }
  }

  private static void section(StringBuilder html, String title, Map<String, JsonNode> fields) {
    html.append("<h2>").append(e(title)).append("</h2><table>");
    for (Iterator<Map.Entry<String, JsonNode>> it = new java.util.TreeMap<>(fields).entrySet().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      html.append("<tr><th>").append(e(field.getKey())).append("</th><td>").append(e(field.getValue().asText("")))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  static String e(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
