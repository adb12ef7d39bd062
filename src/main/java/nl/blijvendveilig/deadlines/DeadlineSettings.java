package nl.blijvendveilig.deadlines;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines a GI may tune, from {@code blijvendveilig.deadlines.*} in application.yaml. Periods
 * are ISO 8601 ({@code P7D}, {@code P10W}, {@code P3M}), as BPMN timers take them.
 */
@ConfigurationProperties("blijvendveilig.deadlines")
public record DeadlineSettings(
    @DefaultValue("24h") Duration acuteSafety,
    @DefaultValue("5") int safetyAssessmentWorkingDays,
    @DefaultValue("5") int reporterFeedbackWorkingDays,
    @DefaultValue("1") int escalationWorkingDays,
    @DefaultValue("PT24H") String acuteReview,
    @DefaultValue("P10D") String raadStart,
    @DefaultValue("P10W") String raadReport,
    @DefaultValue("P8W") String courtDecision,
    @DefaultValue("P7D") String homeVisit,
    @DefaultValue("P5D") String safetyEstimate,
    @DefaultValue("P14D") String networkMapped,
    @DefaultValue("P3M") String patternReminder,
    @DefaultValue("P6M") String patternEscalation,
    @DefaultValue("P14D") String planningStep,
    @DefaultValue("2") int contactRecordWorkingDays,
    @DefaultValue("P6W") String networkMeeting,
    @DefaultValue("P12W") String measureEvaluationLead,
    @DefaultValue("P8W") String extensionRequestLead,
    @DefaultValue("P3M") String followUp) {
}
