package io.rapport.sim.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Routes a REST call below {@code /services/data/vXX.X/} to the resource that serves it. Authentication, API
 * limits and counting happen before, in {@link RestEndpoint}, so that Composite can route its subrequests here as
 * parts of one call.
 */
final class DataApi {

    private final Map<String, BiFunction<ApiRequest, SObjectStore.Caller, ApiResponse>> resources =
            new LinkedHashMap<>();

    /** Serves the resource named by the first path segment after the version ({@code sobjects}, {@code query}). */
    void register(String name, BiFunction<ApiRequest, SObjectStore.Caller, ApiResponse> resource) {
        resources.put(name, resource);
    }

    ApiResponse call(ApiRequest request, SObjectStore.Caller caller) {
        if (request.path().isEmpty()) {
            Map<String, Object> directory = new LinkedHashMap<>();
            resources.keySet().forEach(name -> directory.put(name, "/services/data/v" + request.version() + "/"
                    + name));
            return ApiResponse.json(200, directory);
        }
        var resource = resources.get(request.segment(0));
        if (resource == null) {
            throw ApiException.notFound();
        }
        return resource.apply(request, caller);
    }

    /** The kind of endpoint a call is counted under: {@code sobjects}, {@code query}, {@code composite/sobjects}. */
    static String kindOf(ApiRequest request) {
        String first = request.segment(0);
        if (first == null) {
            return "resources";
        }
        String second = request.segment(1);
        if ((first.equals("composite") && "sobjects".equals(second)) || (first.equals("jobs") && second != null)) {
            return first + "/" + second;
        }
        return first;
    }
}
