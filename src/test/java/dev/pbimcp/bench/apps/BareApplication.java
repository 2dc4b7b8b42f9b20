package dev.pbimcp.bench.apps;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The floor: a bare JAX-RS application of its own, deployed beside pbimcp on the same Liberty. */
@ApplicationPath("/")
public class BareApplication extends Application {}
