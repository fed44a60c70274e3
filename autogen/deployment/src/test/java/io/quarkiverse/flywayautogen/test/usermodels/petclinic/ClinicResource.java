package io.quarkiverse.flywayautogen.test.usermodels.petclinic;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the clinic's screens do, as JSON: register an owner with pets, record a visit, list owners with their pets and
 * visits (in the entities' {@code @OrderBy} order), register a vet with specialties. Views are records, so the
 * two-way associations never reach the JSON writer.
 */
@Path("/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClinicResource {

    public record PetForm(String name, LocalDate birthDate, String type) {
    }

    public record OwnerForm(String firstName, String lastName, String address, String city, String telephone,
            List<PetForm> pets) {
    }

    public record VisitForm(LocalDate date, String description) {
    }

    public record VetForm(String firstName, String lastName, List<String> specialties) {
    }

    public record VisitView(LocalDate date, String description) {
    }

    public record PetView(Integer id, String name, String type, LocalDate birthDate, List<VisitView> visits) {
    }

    public record OwnerView(Integer id, String lastName, String city, String telephone, List<PetView> pets) {
    }

    public record VetView(String lastName, List<String> specialties) {
    }

    @Inject
    EntityManager em;

    @POST
    @Path("/owners")
    @Transactional
    public Response register(OwnerForm form) {
        Owner owner = new Owner();
        owner.setFirstName(form.firstName());
        owner.setLastName(form.lastName());
        owner.setAddress(form.address());
        owner.setCity(form.city());
        owner.setTelephone(form.telephone());
        for (PetForm p : form.pets()) {
            Pet pet = new Pet();
            pet.setName(p.name());
            pet.setBirthDate(p.birthDate());
            pet.setType(named(PetType.class, p.type()));
            owner.addPet(pet);
        }
        em.persist(owner);
        em.flush();
        return Response.created(URI.create("/clinic/owners/" + owner.getId())).entity(view(owner)).build();
    }

    @POST
    @Path("/pets/{petId}/visits")
    @Transactional
    public Response visit(@PathParam("petId") int petId, VisitForm form) {
        Visit visit = new Visit();
        visit.setDate(form.date());
        visit.setDescription(form.description());
        em.find(Pet.class, petId).addVisit(visit);
        em.persist(visit);
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/owners")
    @Transactional
    public List<OwnerView> owners() {
        return em.createQuery("from Owner o order by o.lastName, o.id", Owner.class).getResultList().stream()
                .map(ClinicResource::view).toList();
    }

    @POST
    @Path("/vets")
    @Transactional
    public Response hire(VetForm form) {
        Vet vet = new Vet();
        vet.setFirstName(form.firstName());
        vet.setLastName(form.lastName());
        form.specialties().forEach(s -> vet.addSpecialty(named(Specialty.class, s)));
        em.persist(vet);
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path("/vets")
    @Transactional
    public List<VetView> vets() {
        return em.createQuery("from Vet v order by v.lastName", Vet.class).getResultList().stream()
                .map(v -> new VetView(v.getLastName(), v.getSpecialties().stream().map(Specialty::getName).sorted().toList()))
                .toList();
    }

    /** The pet type or specialty of that name, created on first use. */
    private <T extends NamedEntity> T named(Class<T> kind, String name) {
        List<T> found = em.createQuery("from " + kind.getSimpleName() + " n where n.name = :name", kind)
                .setParameter("name", name).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        try {
            T created = kind.getDeclaredConstructor().newInstance();
            created.setName(name);
            em.persist(created);
            return created;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OwnerView view(Owner owner) {
        return new OwnerView(owner.getId(), owner.getLastName(), owner.getCity(), owner.getTelephone(),
                owner.getPets().stream().map(p -> new PetView(p.getId(), p.getName(), p.getType().getName(),
                        p.getBirthDate(), p.getVisits().stream()
                                .map(v -> new VisitView(v.getDate(), v.getDescription())).toList()))
                        .toList());
    }
}
