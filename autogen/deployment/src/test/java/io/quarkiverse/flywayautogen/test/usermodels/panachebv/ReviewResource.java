package io.quarkiverse.flywayautogen.test.usermodels.panachebv;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.panache.common.Sort;

@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /**
     * A reference to the book, not a read: Hibernate takes the review's id from {@code Review_SEQ} in a transaction
     * of its own on another connection, and on SQLite a read by this transaction would hold the lock it waits for.
     */
    @POST
    @Path("/{bookId}")
    @Transactional
    public Response create(@PathParam("bookId") long bookId, Review review) {
        review.book = Review.getEntityManager().getReference(Book.class, bookId);
        review.persist();
        return Response.status(Response.Status.CREATED).entity(review).build();
    }

    @GET
    @Path("/{bookId}")
    public List<Review> of(@PathParam("bookId") long bookId) {
        return Review.list("book.id", Sort.by("id"), bookId);
    }
}
