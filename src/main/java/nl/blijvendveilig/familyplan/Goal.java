package nl.blijvendveilig.familyplan;

import java.time.Instant;

/** A goal of the veranderplan, its owner and help, and how far it is (0 to 100%). */
public record Goal(int number, String description, String owner, String help, int progress, Instant progressChangedAt) {
}
