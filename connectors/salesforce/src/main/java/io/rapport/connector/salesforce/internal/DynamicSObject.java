package io.rapport.connector.salesforce.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;
import org.apache.camel.component.salesforce.api.dto.Attributes;

/**
 * An sObject whose fields come from the mapping file rather than from classes generated per org: the component's
 * sObject Collections operations take a list of {@link AbstractSObjectBase}, and custom fields differ per company.
 */
public final class DynamicSObject extends AbstractSObjectBase {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public DynamicSObject() {
    }

    public DynamicSObject(String type) {
        Attributes attributes = new Attributes();
        attributes.setType(type);
        setAttributes(attributes);
    }

    // explicit nulls clear a field in Salesforce, so they are written, not left out
    @JsonAnyGetter
    @JsonInclude(content = JsonInclude.Include.ALWAYS)
    public Map<String, Object> fields() {
        return fields;
    }

    @JsonAnySetter
    public void set(String name, Object value) {
        fields.put(name, value);
    }

    @JsonIgnore
    public Object get(String name) {
        return fields.get(name);
    }
}
