package dev.petmanager.user;

import java.util.Map;

import dev.petmanager.api.paging.PageRequest;
import dev.petmanager.api.paging.PageView;

/**
 * A user listing, as {@code visibleTo} may see it: an admin every user, a user their own profile. It has no filters
 * yet; they would be this record's components, as in a pet listing's.
 */
public record UserQuery(CallerIdentity visibleTo) {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "email", "email",
            "createdAt", "createdAt");

    public PageView<UserView> page(PageRequest request) {
        if (visibleTo.admin()) {
            return request.of(User.<User> findAll(request.sort(SORTABLE)), UserView::of);
        }
        return request.of(User.<User> find("issuer = ?1 and subject = ?2", request.sort(SORTABLE), visibleTo.issuer(),
                visibleTo.subject()), UserView::of);
    }
}
