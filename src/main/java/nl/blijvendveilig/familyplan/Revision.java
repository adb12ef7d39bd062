package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One revision of a family's gezinsplan: never changed once written. */
public record Revision(String caseNumber, int number, Instant createdAt, String author, String reason,
    String causedBy, ObjectNode content) {
}
