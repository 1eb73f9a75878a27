package io.rapport.connector.x.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.component.http.CompositeHttpConfigurer;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * X API v2 over camel-http: each path is a camel-http endpoint whose producer sends the request with the bearer token,
 * and the answer's status, rate-limit headers and body come back as they are (no exception on 4xx/5xx: the caller
 * decides what each status means, in one place).
 *
 * <p>Every endpoint runs with {@code disableStreamCache=true}: the body is the connection's own InputStream, which
 * this class reads to its end (releasing the connection) or, for the filtered stream, hands over unread. The
 * HttpClient's own retries are off, since they would retry 429 and 503 behind the connector's back-off and rate
 * limit. The stream endpoint also has compression off, so that each line arrives as soon as X flushes it, and a
 * {@code responseTimeout} equal to the stall timeout, which turns a silent connection into a read timeout.
 */
public final class XHttp implements AutoCloseable {

    /** An answer bigger than this is refused rather than read into memory (a search page is well below 1 MB). */
    static final int MAX_ANSWER_BYTES = 16 << 20;

    private final CamelContext camel;
    private final String baseUrl;
    private final String bearerToken;
    private final Map<String, Producer> producers = new ConcurrentHashMap<>();

    public XHttp(CamelContext camel, String baseUrl, String bearerToken) {
        this.camel = camel;
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    public HttpAnswer get(String path, Map<String, String> query) throws Exception {
        Exchange exchange = send(producer(path, "", false), "GET", query, null);
        return readToEnd(exchange);
    }

    public HttpAnswer post(String path, Map<String, String> query, String json) throws Exception {
        Exchange exchange = send(producer(path, "", false), "POST", query, json);
        return readToEnd(exchange);
    }

    /**
     * Opens a long-lived GET whose body is read as it arrives; a read that waits longer than {@code readTimeout}
     * fails with a {@link java.net.SocketTimeoutException}. A non-2xx answer is read to the end and returned as
     * {@link StreamConnection#refusal()}.
     */
    public StreamConnection open(String path, Map<String, String> query, Duration readTimeout) throws Exception {
        Producer producer = producer(path, "&responseTimeout=" + readTimeout.toMillis() + "&connectTimeout="
                + Math.max(readTimeout.toMillis(), 1000), true);
        Exchange exchange = send(producer, "GET", query, null);
        int status = status(exchange);
        if (status < 200 || status >= 300) {
            return new StreamConnection(null, readToEnd(exchange));
        }
        return new StreamConnection(exchange.getMessage().getBody(InputStream.class), new HttpAnswer(status, "",
                headers(exchange.getMessage())));
    }

    private Exchange send(Producer producer, String method, Map<String, String> query, String json)
            throws Exception {
        Exchange exchange = producer.getEndpoint().createExchange();
        Message in = exchange.getIn();
        in.setHeader(Exchange.HTTP_METHOD, method);
        in.setHeader(Exchange.HTTP_QUERY, encode(query));
        in.setHeader("Authorization", "Bearer " + bearerToken);
        in.setHeader("Accept", "application/json");
        if (json != null) {
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(json);
        }
        producer.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange;
    }

    private static HttpAnswer readToEnd(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String body = "";
        Object raw = message.getBody();
        if (raw instanceof InputStream in) {
            try (in) {
                byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                    throw new IOException("X answered more than " + MAX_ANSWER_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
        } else if (raw != null) {
            body = message.getBody(String.class);
        }
        return new HttpAnswer(status(exchange), body, headers(message));
    }

    private static int status(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null ? 0 : status;
    }

    /** Only what the connector reads: the request's own headers (the token among them) stay behind. */
    private static Map<String, String> headers(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset",
                "content-type", "retry-after"}) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (value != null) {
                joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        });
        return joined.toString();
    }

    private Producer producer(String path, String options, boolean streaming) {
        return producers.computeIfAbsent(path + options, key -> {
            try {
                HttpEndpoint endpoint = camel.getEndpoint(baseUrl + path
                        + "?throwExceptionOnFailure=false&disableStreamCache=true" + options, HttpEndpoint.class);
                CompositeHttpConfigurer configurer = CompositeHttpConfigurer.combineConfigurers(
                        endpoint.getHttpClientConfigurer(), builder -> configure(builder, streaming));
                endpoint.setHttpClientConfigurer(configurer);
                Producer producer = endpoint.createProducer();
                ServiceHelper.startService(producer);
                return producer;
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the camel-http endpoint for " + path, e);
            }
        });
    }

    private static void configure(HttpClientBuilder builder, boolean streaming) {
        builder.disableAutomaticRetries();
        if (streaming) {
            builder.disableContentCompression();
        }
    }

    @Override
    public void close() {
        producers.values().forEach(ServiceHelper::stopService);
        producers.clear();
    }
}
