package dev.petmanager.api.paging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters every listing of the API takes, with their limits
 * in one place. Bound with {@code @BeanParam @Valid}; a violated limit is a 400 naming the parameter.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The highest page whose first row (page × {@link #MAX_SIZE}) is still an int offset. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(1)
    @Max(MAX_SIZE)
    public int size = DEFAULT_SIZE;

    /** {@code name,-createdAt}: see {@link SortParameter}. */
    @QueryParam("sort")
    public String sort;

    /** @param sortable API field name → entity attribute, the fields this listing may be sorted by */
    public Sort sort(Map<String, String> sortable) {
        return SortParameter.parse(sort, sortable);
    }

    /**
     * This page of {@code query}, each row shown as {@code view} makes it, with the totals. A page that is not full
     * and not past the end is the last one, so it gives the total itself: the {@code count(*)} (a second query, on
     * PostgreSQL a second round trip and a scan of every matching row) runs only for a full page or one past the end.
     */
    public <E, V> PageView<V> of(PanacheQuery<E> query, Function<E, V> view) {
        List<V> items = query.page(Page.of(page, size)).stream().map(view).toList();
        boolean lastPage = items.size() < size && (!items.isEmpty() || page == 0);
        long total = lastPage ? (long) page * size + items.size() : query.count();
        return PageView.of(items, page, size, total);
    }
}
