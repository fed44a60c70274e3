package dev.petmanager.user;

import java.util.Map;

import dev.petmanager.api.paging.PageRequest;
import dev.petmanager.api.paging.PageView;

/** A user listing. It has no filters yet; they would be this record's components, as in a pet listing's. */
public record UserQuery() {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "email", "email",
            "createdAt", "createdAt");

    public PageView<UserView> page(PageRequest request) {
        return request.of(User.<User> findAll(request.sort(SORTABLE)), UserView::of);
    }
}
