package io.rapport.sim.salesforce;

import com.sun.net.httpserver.HttpServer;
import io.rapport.sim.salesforce.soql.SoqlEvaluator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.Executors;

/**
 * An embeddable emulator of the documented Salesforce REST API, so that the real Camel Salesforce component (and
 * any other client) runs unchanged against it, offline: the OAuth 2.0 token endpoint, the API version list,
 * sObject CRUD and upsert by external id, SOQL queries with queryMore, Salesforce's error bodies, the
 * {@code Sforce-Limit-Info} header and per-endpoint request counters.
 *
 * <pre>{@code
 * try (SalesforceSandbox sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0)) {
 *     String loginUrl = sandbox.baseUrl();   // camel.component.salesforce.login-url
 * }
 * }</pre>
 */
public final class SalesforceSandbox implements AutoCloseable {

    /**
     * Connected app and user the token endpoint accepts, API versions served, the daily API request limit, how long
     * an idle query cursor lives, how long and how many change events are kept, an optional state file, the Streaming
     * API's long-poll timeout and how soon a streaming client must come back before it is forgotten, and the public
     * key that verifies JWT bearer assertions (none: the JWT bearer flow is refused).
     */
    public record Config(String clientId, String clientSecret, String username, String password,
                         List<String> apiVersions, long dailyApiRequests, Duration queryLocatorTimeout,
                         Duration eventRetention, int eventBufferSize, Path stateFile, Duration streamingTimeout,
                         Duration streamingReconnectTimeout, PublicKey jwtKey) {

        public Config {
            Objects.requireNonNull(clientId, "clientId");
            apiVersions = List.copyOf(apiVersions);
            Objects.requireNonNull(streamingTimeout, "streamingTimeout");
            Objects.requireNonNull(streamingReconnectTimeout, "streamingReconnectTimeout");
        }

        public static Config defaults() {
            return new Config("rapport-sandbox-client", "rapport-sandbox-secret", "integration@rapport.sandbox",
                    "sandbox-password", List.of("56.0", "57.0", "58.0", "59.0", "60.0", "61.0", "62.0"), 15_000,
                    Duration.ofMinutes(15), Duration.ofHours(72), 100_000, null, Duration.ofSeconds(110),
                    Duration.ofSeconds(40), null);
        }

        public Config withApiVersions(List<String> versions) {
            return new Config(clientId, clientSecret, username, password, versions, dailyApiRequests,
                    queryLocatorTimeout, eventRetention, eventBufferSize, stateFile, streamingTimeout,
                    streamingReconnectTimeout, jwtKey);
        }

        public Config withDailyApiRequests(long limit) {
            return new Config(clientId, clientSecret, username, password, apiVersions, limit, queryLocatorTimeout,
                    eventRetention, eventBufferSize, stateFile, streamingTimeout, streamingReconnectTimeout, jwtKey);
        }

        public Config withQueryLocatorTimeout(Duration timeout) {
            return new Config(clientId, clientSecret, username, password, apiVersions, dailyApiRequests, timeout,
                    eventRetention, eventBufferSize, stateFile, streamingTimeout, streamingReconnectTimeout, jwtKey);
        }

        public Config withEventRetention(Duration retention, int bufferSize) {
            return new Config(clientId, clientSecret, username, password, apiVersions, dailyApiRequests,
                    queryLocatorTimeout, retention, bufferSize, stateFile, streamingTimeout,
                    streamingReconnectTimeout, jwtKey);
        }

        /** Loads the records from this JSON file at start (when it exists) and writes them back on close. */
        public Config withStateFile(Path file) {
            return new Config(clientId, clientSecret, username, password, apiVersions, dailyApiRequests,
                    queryLocatorTimeout, eventRetention, eventBufferSize, file, streamingTimeout,
                    streamingReconnectTimeout, jwtKey);
        }

        /**
         * How long the Streaming API holds a {@code /meta/connect} with no events before answering it (Salesforce:
         * 110 seconds; tests use a second or two).
         */
        public Config withStreamingTimeout(Duration longPoll) {
            return new Config(clientId, clientSecret, username, password, apiVersions, dailyApiRequests,
                    queryLocatorTimeout, eventRetention, eventBufferSize, stateFile, longPoll,
                    streamingReconnectTimeout, jwtKey);
        }

        /**
         * As {@link #withStreamingTimeout(Duration)}, and how soon after an answer a streaming client must connect
         * again before the server forgets it (Salesforce: 40 seconds; then {@code 403::Unknown client}).
         */
        public Config withStreamingTimeouts(Duration longPoll, Duration reconnect) {
            return new Config(clientId, clientSecret, username, password, apiVersions, dailyApiRequests,
                    queryLocatorTimeout, eventRetention, eventBufferSize, stateFile, longPoll, reconnect, jwtKey);
        }

        /**
         * The certificate uploaded to the connected app ("Use digital signatures"): JWT bearer assertions signed by
         * its private key log in as {@link #username()}.
         */
        public Config withJwtCertificate(X509Certificate certificate) {
            return withJwtPublicKey(certificate.getPublicKey());
        }

        /** As {@link #withJwtCertificate(X509Certificate)}, with the RSA public key itself. */
        public Config withJwtPublicKey(PublicKey key) {
            return new Config(clientId, clientSecret, username, password, apiVersions, dailyApiRequests,
                    queryLocatorTimeout, eventRetention, eventBufferSize, stateFile, streamingTimeout,
                    streamingReconnectTimeout, key);
        }
    }

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final SObjectStore store;
    private final SObjectTypes types = new SObjectTypes();
    private final RecordRules rules = new RecordRules(types);
    private final Sessions sessions;
    private final ApiLimits limits;
    private final RequestCounters counters = new RequestCounters();
    private final QueryCursors cursors;
    private final Faults faults;
    private final ChangeEvents changeEvents;
    private final StreamingApi streaming;
    private final StateFile stateFile;
    private final ExecutorService bulkWorker = Executors.newSingleThreadExecutor(daemon("salesforce-sandbox-bulk"));
    private final AdminEndpoint admin;
    private final String apiUserId;
    private final AssignmentRules assignmentRules = new AssignmentRules();
    private final CreatedRecords createdRecords = new CreatedRecords(100_000);
    private final ChatterResource chatter;

    private SalesforceSandbox(Config config, HttpServer server, Clock clock) {
        this.server = server;
        SalesforceIds ids = new SalesforceIds("5g");
        String organizationId = ids.next("Organization");
        String userId = ids.next("User");
        this.apiUserId = userId;
        this.store = new SObjectStore(ids, clock, userId);
        store.addInitializer(new RecordDefaults(userId));
        store.addInitializer(assignmentRules);
        store.addValidator(rules);
        store.addAfterSave(new ActivityRollup());
        this.changeEvents = new ChangeEvents(clock, config.eventRetention(), config.eventBufferSize(), userId);
        store.onCommit(changeEvents::publish);
        store.onCommit(createdRecords::committed);
        this.stateFile = config.stateFile() == null ? null : new StateFile(config.stateFile());
        if (stateFile != null) {
            stateFile.load(store, types);
        }
        if (store.get("User", userId).isEmpty()) {
            store.restore("User", apiUser(userId, config.username(), clock));
        }
        this.sessions = new Sessions(organizationId);
        this.limits = new ApiLimits(config.dailyApiRequests(), clock);
        this.cursors = new QueryCursors(ids, clock, config.queryLocatorTimeout());
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        TokenEndpoint token = new TokenEndpoint(config, sessions, baseUrl, organizationId, userId, clock);

        DataApi api = new DataApi();
        SObjectResource sObjects = new SObjectResource(store, types);
        QueryResource query = new QueryResource(store, types, new SoqlEvaluator(clock), cursors);
        api.register("sobjects", sObjects::handle);
        api.register("query", (request, caller) -> query.handle(request));
        api.register("queryAll", (request, caller) -> query.handle(request));
        api.register("limits", (request, caller) -> {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed(request.method(), "GET");
            }
            return ApiResponse.json(200, limits.report());
        });
        BulkIngestResource ingest = new BulkIngestResource(store, types, ids, limits, bulkWorker, clock, userId);
        BulkQueryResource bulkQuery = new BulkQueryResource(query, ids, limits, bulkWorker, clock, userId);
        api.register("jobs", (request, caller) -> {
            if ("ingest".equals(request.segment(1))) {
                return ingest.handle(request, caller);
            }
            if ("query".equals(request.segment(1))) {
                return bulkQuery.handle(request);
            }
            throw ApiException.notFound();
        });
        this.chatter = new ChatterResource(store, userId);
        api.register("chatter", chatter::handle);
        CollectionsResource collections = new CollectionsResource(store, types);
        CompositeResource composite = new CompositeResource(api, store);
        api.register("composite", (request, caller) -> "sobjects".equals(request.segment(1))
                ? collections.handle(request, caller) : composite.handle(request, caller));

        this.faults = new Faults(clock, counters);
        server.createContext("/services/oauth2/token", faults.around(exchange -> {
            counters.request("oauth2/token");
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SandboxHttp.write(exchange, token.token(exchange.getRequestMethod(), ApiRequest.form(form)));
        }));
        server.createContext("/services/data", RequestArrival.stamping(faults.around(new RestEndpoint(
                config.apiVersions(), sessions, limits, counters, api))));
        this.streaming = new StreamingApi(changeEvents, sessions, counters, clock, config.streamingTimeout(),
                config.streamingReconnectTimeout());
        server.createContext("/cometd/", faults.around(streaming));
        this.admin = new AdminEndpoint(this, faults);
        admin.add("POST snapshot", body -> {
            snapshot();
            return Map.of("snapshot", String.valueOf(config.stateFile()));
        });
        server.createContext("/__sandbox/", admin);
        this.requestThreads = Executors.newCachedThreadPool(daemon("salesforce-sandbox-http"));
        server.setExecutor(requestThreads);
    }

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK of the headers, about 40 ms a call, which swamps what benchmarks measure.
        // The server reads the property once, when it first starts in the JVM, so an earlier server keeps its own.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts a sandbox on the loopback interface; port 0 picks a free one. */
    public static SalesforceSandbox start(Config config, int port) throws IOException {
        return start(config, port, Clock.systemUTC());
    }

    /** As {@link #start(Config, int)}, on a given clock (tests pin "today" for date literals and expiry). */
    static SalesforceSandbox start(Config config, int port, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SalesforceSandbox sandbox = new SalesforceSandbox(config, server, clock);
        server.start();
        return sandbox;
    }

    /** The API user as a User record, which owns what the API creates and which Chatter mentions can name. */
    private static Map<String, Object> apiUser(String id, String username, Clock clock) {
        String now = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
                .withZone(java.time.ZoneOffset.UTC).format(clock.instant());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Id", id);
        user.put("IsDeleted", false);
        user.put("Username", username);
        user.put("FirstName", "Integration");
        user.put("LastName", "User");
        user.put("Name", "Integration User");
        user.put("IsActive", true);
        user.put("CreatedDate", now);
        user.put("CreatedById", id);
        user.put("LastModifiedDate", now);
        user.put("LastModifiedById", id);
        user.put("SystemModstamp", now);
        return user;
    }

    /** Login URL and instance URL alike: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests served so far, by endpoint kind ({@code "oauth2/token"}, {@code "sobjects"}, {@code "query"}, ...). */
    public Map<String, Long> requestCounts() {
        return counters.snapshot();
    }

    /** API calls made so far, as Salesforce counts them against the daily limit: logins are not API calls. */
    public long apiCalls() {
        return counters.apiCalls();
    }

    /** Records of an sObject type in the sandbox (deleted ones excluded). */
    public int count(String sObjectType) {
        return store.count(canonical(sObjectType));
    }

    /** Copies of the live records of an sObject type, in creation order: what a test counts and compares. */
    public List<Map<String, Object>> records(String sObjectType) {
        return store.all(canonical(sObjectType), false);
    }

    /** Creates a record as an API client would (validated, with change events) and returns its id: seed data. */
    public String insert(String sObjectType, Map<String, Object> fields) {
        String type = types.require(sObjectType);
        return store.transaction(SObjectStore.Caller.javaApi(), tx -> tx.create(type, new LinkedHashMap<>(fields)));
    }

    /** Updates a record as an API client would. */
    public void update(String sObjectType, String id, Map<String, Object> fields) {
        String type = types.require(sObjectType);
        store.transaction(SObjectStore.Caller.javaApi(), tx -> {
            tx.update(type, id, new LinkedHashMap<>(fields));
            return null;
        });
    }

    /** Moves a record to the recycle bin, as a delete through the API does. */
    public void delete(String sObjectType, String id) {
        String type = types.require(sObjectType);
        store.transaction(SObjectStore.Caller.javaApi(), tx -> {
            tx.delete(type, id);
            return null;
        });
    }

    /** Restores a record from the recycle bin (the REST API cannot; Apex and the SOAP API can). */
    public void undelete(String sObjectType, String id) {
        String type = types.require(sObjectType);
        store.transaction(SObjectStore.Caller.javaApi(), tx -> {
            tx.undelete(type, id);
            return null;
        });
    }

    /** A copy of a live record's fields, system fields included. */
    public Optional<Map<String, Object>> record(String sObjectType, String id) {
        return store.get(canonical(sObjectType), id);
    }

    /**
     * Declares the fields of an sObject type: other fields are then refused with INVALID_FIELD, except system
     * fields and custom ({@code __c}) ones. Types stay schemaless until declared.
     */
    public void declareFields(String sObjectType, Collection<String> fields) {
        types.declareSchema(sObjectType, fields);
    }

    /** The id of the user the API logs in as: the owner of records created without an {@code OwnerId}. */
    public String apiUserId() {
        return apiUserId;
    }

    /** Adds an active user (an owner to assign records to, someone to mention in Chatter) and returns its id. */
    public String addUser(String firstName, String lastName) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("FirstName", firstName);
        user.put("LastName", lastName);
        user.put("Name", firstName + " " + lastName);
        user.put("Username", (firstName + "." + lastName).toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                + "@rapport.sandbox");
        user.put("IsActive", true);
        return insert("User", user);
    }

    /**
     * Activates the org's assignment rule for Leads, Cases or Accounts: {@code ownerFor} gets the new record's fields
     * and answers the owner's id, or null when no rule entry matches. REST creates run it unless they send
     * {@code Sforce-Auto-Assign: FALSE}, and its owner replaces one the client gave, as on Salesforce. Records
     * created through the Java API or Bulk API are not assigned.
     */
    public void activateAssignmentRule(String sObjectType, Function<Map<String, Object>, String> ownerFor) {
        assignmentRules.activate(types.require(sObjectType), ownerFor);
    }

    /** Deactivates the assignment rule of the type: new records keep the owner they were given, or the API user. */
    public void deactivateAssignmentRule(String sObjectType) {
        assignmentRules.deactivate(types.require(sObjectType));
    }

    /**
     * Calls the listener with every record created by a committed write (any API, the Java API included), with the
     * instant the creating request reached the sandbox, before any injected latency. It runs on the request's thread
     * while the sandbox holds its lock, so it must be quick.
     */
    public void onRecordCreated(Consumer<CreatedRecord> listener) {
        createdRecords.onCreated(listener);
    }

    /** The records created so far, oldest first (the latest 100,000), with their requests' arrivals. */
    public List<CreatedRecord> createdRecords() {
        return createdRecords.recent();
    }

    /** Forgets the records created so far, e.g. after a benchmark's warm-up. */
    public void clearCreatedRecords() {
        createdRecords.clear();
    }

    /** The Chatter feed of a record, user or group, newest first, each element as the Connect API renders it. */
    public List<Map<String, Object>> chatterFeed(String subjectId) {
        return chatter.elements(subjectId, "62.0");
    }

    /** Uses up the daily API request limit: every API call answers 403 REQUEST_LIMIT_EXCEEDED until reset. */
    public void exhaustApiLimit() {
        limits.exhaust();
    }

    /** Starts the day's allowances afresh, as the rolling 24 hours do. */
    public void resetApiLimits() {
        limits.reset();
    }

    /** API requests left today, as {@code /limits} reports DailyApiRequests.Remaining. */
    public long remainingApiRequests() {
        return limits.remaining();
    }

    /**
     * Marks a field unique (as an external id field usually is): a second record with the same value, ignoring case,
     * is refused with DUPLICATE_VALUE.
     */
    public void markUnique(String sObjectType, String field) {
        rules.markUnique(types.require(sObjectType), field);
    }

    /**
     * Adds a validation rule: when {@code violatedBy} holds for a record as it would be saved (all its fields, the
     * changes applied), the save fails with FIELD_CUSTOM_VALIDATION_EXCEPTION, the message and the fields given.
     */
    public void addValidationRule(String sObjectType, Predicate<Map<String, Object>> violatedBy, String message,
                                  String... fields) {
        rules.addRule(types.require(sObjectType), new RecordRules.ValidationRule(violatedBy, message,
                List.of(fields)));
    }

    /** Delays every request by this long (0 for none): slow-network and slow-org behaviour. */
    public void latency(Duration fixed) {
        faults.latency(fixed, fixed);
    }

    /** Delays every request by a random time between the bounds. */
    public void latency(Duration min, Duration max) {
        faults.latency(min, max);
    }

    /** Answers the next {@code requests} requests with {@code status} (503 or 500, say) and Salesforce's error body. */
    public void failNext(int requests, int status) {
        faults.failNext(requests, status, "/");
    }

    /** As {@link #failNext(int, int)}, only for requests whose path starts with the prefix. */
    public void failNext(int requests, int status, String pathPrefix) {
        faults.failNext(requests, status, pathPrefix);
    }

    /** Answers every request with {@code status} for a while, e.g. {@code failFor(Duration.ofSeconds(60), 503)}. */
    public void failFor(Duration duration, int status) {
        faults.failFor(duration, status, "/");
    }

    /** As {@link #failFor(Duration, int)}, only for requests whose path starts with the prefix. */
    public void failFor(Duration duration, int status, String pathPrefix) {
        faults.failFor(duration, status, pathPrefix);
    }

    /** Removes injected latency and failures. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Calls the listener with each Change Data Capture event as it is published: the Bayeux message, with
     * {@code data.payload.ChangeEventHeader}, the changed fields, {@code data.event.replayId} and {@code channel}.
     */
    public void onChangeEvent(Consumer<Map<String, Object>> listener) {
        changeEvents.onEvent(listener);
    }

    /** The retained change events after a replay id, oldest first; -2 gives all retained, -1 none. */
    public List<Map<String, Object>> changeEvents(long afterReplayId) {
        return changeEvents.after(afterReplayId).stream().map(ChangeEvents.Event::message).toList();
    }

    /**
     * Publishes gap events (GAP_CREATE, GAP_UPDATE, GAP_DELETE or GAP_UNDELETE) for records of a tracked object, as
     * Salesforce does when it cannot send the change itself: subscribers must read the records to catch up.
     */
    public void emitGapEvents(String sObjectType, String changeType, String... recordIds) {
        if (!changeType.startsWith("GAP_") || changeType.equals("GAP_OVERFLOW")) {
            throw new IllegalArgumentException("a gap event type such as GAP_UPDATE, not " + changeType);
        }
        changeEvents.publishGap(types.require(sObjectType), changeType, List.of(recordIds));
    }

    /** Publishes a GAP_OVERFLOW event: more than 100,000 changes in one transaction, none of them sent. */
    public void emitGapOverflow(String sObjectType) {
        changeEvents.publishGap(types.require(sObjectType), "GAP_OVERFLOW", List.of());
    }

    /**
     * Ends every session, as an expired or revoked token does: clients must log in again. Streaming clients holding
     * a {@code /meta/connect} are told at once ({@code 401::Authentication invalid}), as Salesforce's regular
     * session checks tell them.
     */
    public void expireSessions() {
        sessions.expireAll();
        streaming.sessionsRevoked();
    }

    /**
     * Streaming API subscriptions (one per client and channel) of clients still known: handshaken, not
     * disconnected, and back within the reconnect timeout.
     */
    public int subscriberCount() {
        return streaming.subscriberCount();
    }

    /**
     * The Streaming API subscriptions of the clients connected now stop receiving events, and nobody tells them:
     * their long polls keep being answered, empty. A subscription lost this way (the Camel component can lose one
     * to a race of its own) is what a client must notice by itself; one that handshakes again is served as usual.
     */
    public void muteStreamingSubscriptions() {
        streaming.muteClients();
    }

    /**
     * Forgets every Streaming API client, as a Salesforce server restart does: their next request is answered
     * {@code 403::Unknown client}, and they handshake and subscribe again (resuming from their last replay id).
     */
    public void expireStreamingClients() {
        streaming.forgetClients();
    }

    /** Drops every open query cursor: the next queryMore answers INVALID_QUERY_LOCATOR. */
    public void expireQueryLocators() {
        cursors.expireAll();
    }

    /** Writes the records to the configured state file now; without one, does nothing. */
    public void snapshot() {
        if (stateFile != null) {
            stateFile.save(store);
        }
    }

    @Override
    public void close() {
        snapshot();
        streaming.close();
        server.stop(0);
        requestThreads.shutdownNow();
        bulkWorker.shutdownNow();
    }

    private String canonical(String sObjectType) {
        String canonical = types.canonical(sObjectType);
        return canonical == null ? sObjectType : canonical;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
