package nl.blijvendveilig.platform;

import java.util.Map;
import java.util.Set;

/**
 * What one request did with case data, for the access log, each case derived from the data the engine
 * read, wrote or refused (never from the request).
 *
 * @param userId who the engine or the login knew; {@code null} when nobody was logged in
 * @param claimedUser the name given with a refused HTTP basic login, if any
 * @param channel {@code rest} (engine REST), {@code webapps} (Tasklist's and Cockpit's engine REST),
 *     {@code cockpit} (Cockpit's plugins) or {@code api} (the project's endpoints)
 * @param what method and path
 * @param cases case number -> changed (true) or only read (false), from the rows the engine read and wrote
 * @param changedWithoutCase the engine wrote something in this request
 * @param refused the engine refused (an authorization was missing) or the request was answered 401 or 403
 * @param refusedCases the cases of the process instances and tasks the engine refused
 * @param refusedRead every permission the engine found missing was a read permission
 * @param loggedCases cases the project's own code logged during the request
 * @param loggedAny the project's own code logged anything during the request
 * @param returnedCases cases whose data the project's API put in its answer
 */
public record CaseAccessReport(String userId, String claimedUser, String channel, String what, int status,
    boolean readMethod, Map<String, Boolean> cases, boolean changedWithoutCase, boolean refused,
    Set<String> refusedCases, boolean refusedRead, Set<String> loggedCases, boolean loggedAny,
    Set<String> returnedCases) {
}
