# pbimcp on the official Open Liberty image.
#   docker build -t pbimcp .
#   docker run -p 9080:9080 -e PBIMCP_SESSION_KEY=... pbimcp
# Stage 1 builds the WAR with the Maven wrapper; stage 2 follows the Open Liberty image conventions:
# configuration first, features.sh to add exactly the features server.xml names, the application,
# then configure.sh to warm the class cache.

ARG LIBERTY_TAG=26.0.0.5-kernel-slim-java17-openj9

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN ./mvnw -B -q -ntp package -DskipTests -Dspotless.check.skip=true

FROM open-liberty:${LIBERTY_TAG}
COPY --chown=1001:0 src/main/liberty/config/ /config/
RUN features.sh
COPY --chown=1001:0 --from=build /src/target/pbimcp.war /config/apps/pbimcp.war
# Listen on every interface inside the container. Sign-in with Entra ID is required off loopback:
# until it is configured, the server refuses to start there (PBIMCP_AUTH_MODE).
ENV HTTP_HOST=* \
    HTTP_PORT=9080
EXPOSE 9080
RUN configure.sh
