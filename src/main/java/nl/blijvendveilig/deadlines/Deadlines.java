package nl.blijvendveilig.deadlines;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates for tasks and timers, computed on the engine's clock (so tests can move it). Available
 * in BPMN expressions as {@code deadlines}, e.g. {@code camunda:dueDate="${deadlines.escalation()}"}.
 */
@Component("deadlines")
public class Deadlines {

  static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

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

  public Date workingDaysAfter(Date from, int workingDays) {
    LocalDateTime start = LocalDateTime.ofInstant(from.toInstant(), NETHERLANDS);
    LocalDateTime due = WorkingDays.plus(start.toLocalDate(), workingDays).atTime(start.toLocalTime());
    return Date.from(due.atZone(NETHERLANDS).toInstant());
  }

  public Date now() {
    return ClockUtil.getCurrentTime();
  }
}
