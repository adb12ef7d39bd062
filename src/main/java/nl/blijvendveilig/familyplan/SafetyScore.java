package nl.blijvendveilig.familyplan;

import java.time.Instant;

/** A safety score after a contact or key moment: 1 (very unsafe) to 10 (completely safe). */
public record SafetyScore(Instant scoredAt, String contactType, int score, String present, String author,
    int revision) {
}
