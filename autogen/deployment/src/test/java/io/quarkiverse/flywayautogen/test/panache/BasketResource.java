package io.quarkiverse.flywayautogen.test.panache;

import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/baskets")
@Produces(MediaType.APPLICATION_JSON)
public class BasketResource {

    /**
     * A reference to the fruit, not a read: Hibernate takes the basket's id from {@code Basket_SEQ} in a transaction
     * of its own, on another connection, and on SQLite a read by this transaction would hold the lock that one waits
     * for (SQLITE_BUSY).
     */
    @POST
    @Path("/{fruitId}")
    @Transactional
    public Response create(@PathParam("fruitId") long fruitId) {
        Basket basket = new Basket();
        basket.fruit = Basket.getEntityManager().getReference(Fruit.class, fruitId);
        basket.persist();
        return Response.status(Response.Status.CREATED).entity(Map.of("id", basket.id)).build();
    }
}
