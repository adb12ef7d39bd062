package nl.blijvendveilig.assignment;

import java.util.List;
import nl.blijvendveilig.platform.ForModels;
import org.springframework.stereotype.Component;

/**
 * Who a worker task of the case goes to: the one person who directs the case ({@code regisseur}) or,
 * while nobody does, the group that directs it ({@code regieGroep}). An assigned task has no
 * candidate group, so the engine grants it to that person alone: another jeugdbeschermer does not
 * see it. Used in the models as {@code camunda:candidateGroups="${direction.candidateGroups(regieGroep, regisseur)}"}.
 */
@ForModels
@Component("direction")
public class Direction {

  public List<String> candidateGroups(String group, String person) {
    return person == null || person.isBlank() ? List.of(group) : List.of();
  }
}
