package nl.blijvendveilig.benchmark;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.blijvendveilig.support.Meldingen;

/**
 * Meldingen about families of their own (two children, one with a BSN that passes the elfproef), so no
 * melding joins another's open case; unique per run, so a run on an external database that already
 * holds an earlier run's cases does not join those either.
 */
final class Families {

  private final int base;
  private final AtomicInteger next = new AtomicInteger();

  Families() {
    // BSNs come from Meldingen.bsn(n): 20,000,000 + n*10 must stay below 100,000,000
    this.base = 1_000_000 + (int) (System.currentTimeMillis() / 1000 % 40) * 150_000;
  }

  Map<String, Object> melding() {
    int n = base + next.incrementAndGet();
    String children = """
        [{"voornaam": "Sanne", "achternaam": "Bench%d", "geboortedatum": "2018-03-14", "bsn": "%s"},
         {"voornaam": "Daan", "achternaam": "Bench%d", "geboortedatum": "2021-11-02"}]""".formatted(n, Meldingen.bsn(n), n);
    return Meldingen.melding(children, "[]");
  }
}
