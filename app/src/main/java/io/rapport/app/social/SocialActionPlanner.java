package io.rapport.app.social;

import java.util.List;

/** Decides, from the social rules, what a post calls for. Pure: planning the same post twice gives the same actions. */
@FunctionalInterface
public interface SocialActionPlanner {

    SocialActionPlanner NONE = post -> List.of();

    List<PlannedAction> plan(EnrichedPost post);
}
