package io.rapport.core.social.rules;

import java.util.regex.Pattern;

/**
 * What a Salesforce id in a rule file must look like. Ids are 15 (case-sensitive) or 18 characters; their first
 * three tell the object: {@code 005} a User, {@code 00G} a Group or Queue, {@code 0F9} a Chatter group. A Lead or
 * Case owner must be a User or a Queue.
 */
public final class SalesforceIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public static final String USER = "005";
    public static final String QUEUE = "00G";

    private SalesforceIds() {
    }

    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** A User or a Queue: who may own a Lead or a Case. */
    public static boolean isOwner(String value) {
        return isId(value) && (value.startsWith(USER) || value.startsWith(QUEUE));
    }

    public static boolean isUser(String value) {
        return isId(value) && value.startsWith(USER);
    }

    /** An API field name such as {@code LastName} or {@code Social_Post_URL__c}. */
    public static boolean isFieldName(String value) {
        return value != null && FIELD.matcher(value).matches();
    }

    static void requireOwner(String value, String what) {
        if (value != null && !isOwner(value)) {
            throw new IllegalArgumentException(what + " " + value + " is not a Salesforce User (005...) or Queue"
                    + " (00G...) id of 15 or 18 characters");
        }
    }
}
