package com.example.owners;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Owner {

    @Id
    public Long id;

    @Column(nullable = false, length = 100)
    public String fullName;

    /** Added after V1: the migrations do not have it yet. */
    @Column(length = 254)
    public String email;
}
