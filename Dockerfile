# syntax=docker/dockerfile:1.7
# Multi-stage build of the Rapport hub: build with the Maven wrapper, split the Spring Boot jar into layers
# (dependencies change rarely, application code often), run as a non-root user on a JRE.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# every module the root pom lists must be there for the reactor, even those -pl app -am does not build
COPY core/ core/
COPY connectors/ connectors/
COPY simulators/ simulators/
COPY app/ app/
COPY bench/ bench/
# MAVEN_PROFILES=kubernetes adds the Lease-based cluster service (deploy/k8s, docs/scale-out.md)
ARG MAVEN_PROFILES=
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -pl app -am package -DskipTests ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} \
 && java -Djarmode=tools -jar app/target/rapport-exec.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 rapport \
 && useradd --system --uid 10001 --gid rapport --home-dir /opt/rapport --shell /usr/sbin/nologin rapport
WORKDIR /opt/rapport
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY config/ config/
COPY routes/ routes/
RUN mkdir -p data logs && chown -R rapport:rapport data logs
USER 10001:10001
ENV RAPPORT_HOME=/opt/rapport \
    RAPPORT_DATA_DIR=/opt/rapport/data \
    RAPPORT_LOG_DIR=/opt/rapport/logs \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/opt/rapport/data"]
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
