package nl.blijvendveilig.platform;

/** Told at the end of every request on a channel with case data what it did (the access log implements it). */
public interface CaseAccessLog {

  void requestEnded(CaseAccessReport report);
}
