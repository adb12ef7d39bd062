package nl.blijvendveilig.deadlines;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import nl.blijvendveilig.platform.EngineClock;
import nl.blijvendveilig.platform.ForModels;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer periods for tasks, computed on the engine's clock (so tests can move it). Used
 * in BPMN expressions as {@code deadlines}: a task's {@code camunda:dueDate="${deadlines.homeVisit()}"}
 * and its timer's {@code ${deadlines.homeVisitPeriod()}} come from the same setting, so Tasklist and
 * the escalation agree.
 */
@ForModels
@Component("deadlines")
public class Deadlines {

  public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  private final DeadlineSettings settings;

  public Deadlines(DeadlineSettings settings) {
    this.settings = settings;
  }

  public Date acuteSafety(Date from) {
    return Date.from(from.toInstant().plus(settings.acuteSafety()));
  }

  public Date safetyAssessment(Date from) {
    return workingDaysAfter(from, settings.safetyAssessmentWorkingDays());
  }

  public Date reporterFeedback() {
    return workingDaysAfter(now(), settings.reporterFeedbackWorkingDays());
  }

  public Date escalation() {
    return workingDaysAfter(now(), settings.escalationWorkingDays());
  }

  public Date acuteReview() {
    return after(now(), settings.acuteReview());
  }

  /** A crisis placement is found today. */
  public Date endOfToday() {
    ZonedDateTime today = now().toInstant().atZone(NETHERLANDS);
    return Date.from(today.toLocalDate().atTime(LocalTime.of(23, 59)).atZone(NETHERLANDS).toInstant());
  }

  public Date courtDecisionExpected() {
    return after(now(), settings.courtDecision());
  }

  public Date raadStart() {
    return after(now(), settings.raadStart());
  }

  public String raadStartPeriod() {
    return settings.raadStart();
  }

  public Date raadReport() {
    return after(now(), settings.raadReport());
  }

  public Date homeVisit() {
    return after(now(), settings.homeVisit());
  }

  public String homeVisitPeriod() {
    return settings.homeVisit();
  }

  public Date safetyEstimate() {
    return after(now(), settings.safetyEstimate());
  }

  public String safetyEstimatePeriod() {
    return settings.safetyEstimate();
  }

  public Date networkMapped() {
    return after(now(), settings.networkMapped());
  }

  public Date patternEscalation() {
    return after(now(), settings.patternEscalation());
  }

  public String patternReminderPeriod() {
    return settings.patternReminder();
  }

  public String patternEscalationPeriod() {
    return settings.patternEscalation();
  }

  public Date planningStep() {
    return after(now(), settings.planningStep());
  }

  public Date contactRecord() {
    return workingDaysAfter(now(), settings.contactRecordWorkingDays());
  }

  public String networkMeetingPeriod() {
    return settings.networkMeeting();
  }

  public String followUpPeriod() {
    return settings.followUp();
  }

  /** When the jeugdbeschermer evaluates a measure: the lead time before its end date, not in the past. */
  public Date measureEvaluation(Date measureEnd) {
    return notBeforeNow(before(measureEnd, settings.measureEvaluationLead()));
  }

  /** The last day the jurist files an extension request. */
  public Date extensionRequest(Date measureEnd) {
    return notBeforeNow(before(measureEnd, settings.extensionRequestLead()));
  }

  public Date workingDaysAfter(Date from, int workingDays) {
    LocalDateTime start = LocalDateTime.ofInstant(from.toInstant(), NETHERLANDS);
    LocalDateTime due = WorkingDays.plus(start.toLocalDate(), workingDays).atTime(start.toLocalTime());
    return Date.from(due.atZone(NETHERLANDS).toInstant());
  }

  public Date now() {
    return EngineClock.now();
  }

  static Date after(Date from, String isoPeriod) {
    ZonedDateTime start = from.toInstant().atZone(NETHERLANDS);
    return Date.from((isoPeriod.contains("T") ? start.plus(Duration.parse(isoPeriod))
        : start.plus(Period.parse(isoPeriod))).toInstant());
  }

  static Date before(Date from, String isoPeriod) {
    ZonedDateTime start = from.toInstant().atZone(NETHERLANDS);
    return Date.from((isoPeriod.contains("T") ? start.minus(Duration.parse(isoPeriod))
        : start.minus(Period.parse(isoPeriod))).toInstant());
  }

  private Date notBeforeNow(Date date) {
    Date now = now();
    return date.before(now) ? now : date;
  }
}
