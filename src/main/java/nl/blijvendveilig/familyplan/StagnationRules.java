package nl.blijvendveilig.familyplan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a case stagnates, in one place: the last {@code falling-scores} safety scores each lower than
 * the one before, or a goal whose progress has not moved for {@code goal-weeks} weeks (and is not
 * reached). Both from {@code blijvendveilig.stagnation.*}.
 */
@Component
public class StagnationRules {

  private final int fallingScores;
  private final Duration goalStillFor;

  public StagnationRules(@Value("${blijvendveilig.stagnation.falling-scores:3}") int fallingScores,
      @Value("${blijvendveilig.stagnation.goal-weeks:8}") int goalWeeks) {
    this.fallingScores = fallingScores;
    this.goalStillFor = Duration.ofDays(7L * goalWeeks);
  }

  /** Why the case stagnates, or empty when it does not. */
  public Optional<String> check(List<SafetyScore> scores, List<Goal> goals, Instant now) {
    if (scores.size() >= fallingScores) {
      List<SafetyScore> last = scores.subList(scores.size() - fallingScores, scores.size());
      boolean falling = true;
      for (int i = 1; i < last.size(); i++) {
        falling &= last.get(i).score() < last.get(i - 1).score();
      }
      if (falling) {
        return Optional.of("De laatste " + fallingScores + " veiligheidsscores dalen ("
            + last.stream().map(s -> String.valueOf(s.score())).reduce((a, b) -> a + " → " + b).orElse("") + ")");
      }
    }
    return goals.stream()
        .filter(goal -> goal.progress() < 100)
        .filter(goal -> Duration.between(goal.progressChangedAt(), now).compareTo(goalStillFor) >= 0)
        .findFirst()
        .map(goal -> "Doel " + goal.number() + " (" + goal.description() + ") staat al "
            + Duration.between(goal.progressChangedAt(), now).toDays() / 7 + " weken stil");
  }
}
