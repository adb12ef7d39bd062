package nl.blijvendveilig.deadlines;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The deadlines a GI may tune, from {@code blijvendveilig.deadlines.*} in application.yaml. */
@ConfigurationProperties("blijvendveilig.deadlines")
public record DeadlineSettings(
    @DefaultValue("24h") Duration acuteSafety,
    @DefaultValue("5") int safetyAssessmentWorkingDays,
    @DefaultValue("5") int reporterFeedbackWorkingDays,
    @DefaultValue("1") int escalationWorkingDays) {
}
