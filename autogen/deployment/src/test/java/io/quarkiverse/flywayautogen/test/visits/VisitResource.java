package io.quarkiverse.flywayautogen.test.visits;

import java.time.LocalDate;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.panache.common.Sort;

@Path("/visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    @GET
    public List<Visit> list() {
        return Visit.listAll(Sort.by("id"));
    }

    /** A visit with a date: the data holds no NULL when the date becomes required. */
    @POST
    @Transactional
    public Response create() {
        Visit visit = new Visit();
        visit.visitDate = LocalDate.of(2024, 3, 1);
        visit.done = true;
        visit.persist();
        return Response.status(Response.Status.CREATED).entity(visit).build();
    }
}
