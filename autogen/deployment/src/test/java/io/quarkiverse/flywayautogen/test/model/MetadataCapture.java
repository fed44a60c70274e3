package io.quarkiverse.flywayautogen.test.model;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/** Keeps the boot {@link Metadata} that Quarkus' Hibernate ORM builds, as any application could read it. */
public class MetadataCapture implements Integrator {

    private static volatile Metadata captured;

    public static Metadata metadata() {
        return captured;
    }

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        captured = metadata;
    }
}
