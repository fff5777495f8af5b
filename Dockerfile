# zdp's container image: the GitHub action (action.yml builds this file) and the image GitLab
# pipelines run. Four stages:
#   build      Maven + JDK 17 build action/target/zdp.jar and its lib/
#   runtime    packaging/jlink.sh links a Java runtime of only the modules the jar uses; the
#              build's PackagedRuntimeIT runs the same script and smoke-tests the CLI on it
#   terraform  terraform at a pinned version, its SHA-256 checked
#   (final)    debian slim + ca-certificates, /opt/zdp (runtime, jar, lib, launcher, AppCDS
#              archive), terraform; ENTRYPOINT zdp action
# Layout of /opt/zdp ($ZDP_HOME): bin/zdp (packaging/zdp), libexec/ (jvm-defaults.sh, appcds.sh),
# runtime/, zdp.jar, lib/, zdp.jsa.
# No git in the image: zdp reads and pushes commits with JGit.

# ---- build ------------------------------------------------------------------------------------
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -Dstyle.color=never -DskipTests package -pl action -am

# ---- runtime ----------------------------------------------------------------------------------
FROM build AS runtime
RUN mkdir -p /opt/zdp \
 && cp action/target/zdp.jar /opt/zdp/ \
 && cp -r action/target/lib /opt/zdp/lib \
 && bash packaging/jlink.sh /opt/zdp /opt/zdp/runtime

# ---- terraform --------------------------------------------------------------------------------
FROM debian:12.11-slim AS terraform
# From https://releases.hashicorp.com/terraform/1.13.1/terraform_1.13.1_SHA256SUMS; change the
# three together.
ARG TERRAFORM_VERSION=1.13.1
ARG TERRAFORM_SHA256_AMD64=4449e2ddc0dee283f0909dd603eaf98edeebaa950f4635cea94f2caf0ffacc5a
ARG TERRAFORM_SHA256_ARM64=2bb0787c2da1ad94d6a495a848aad4e9b572adb02bfc7361afeee80f07fd90ac
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl unzip \
 && rm -rf /var/lib/apt/lists/*
# dpkg names the image's architecture as HashiCorp does (amd64, arm64), with or without BuildKit.
RUN set -eu; \
    arch="$(dpkg --print-architecture)"; \
    case "$arch" in \
      amd64) sum="$TERRAFORM_SHA256_AMD64" ;; \
      arm64) sum="$TERRAFORM_SHA256_ARM64" ;; \
      *) echo "no terraform checksum for architecture $arch" >&2; exit 1 ;; \
    esac; \
    zip="terraform_${TERRAFORM_VERSION}_linux_${arch}.zip"; \
    curl -fsSL --retry 3 -o "/tmp/$zip" "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/$zip"; \
    echo "$sum  /tmp/$zip" | sha256sum -c -; \
    unzip -q "/tmp/$zip" terraform -d /usr/local/bin; \
    rm "/tmp/$zip"; \
    /usr/local/bin/terraform version

# ---- the image --------------------------------------------------------------------------------
FROM debian:12.11-slim
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
LABEL org.opencontainers.image.source="https://github.com/zdp-dev/zdp" \
      org.opencontainers.image.title="zdp" \
      org.opencontainers.image.description="Validates a data ecosystem model in pull requests and deploys it to the Zero data platform as Terraform" \
      org.opencontainers.image.licenses="NOASSERTION" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"

# ca-certificates: terraform's TLS (registry, providers, Kafka Connect); Java has its own store.
# The user zdp (uid 10001) is there for `docker run --user zdp` and GitLab jobs; the image's
# default user stays root because GitHub runs Docker actions as root with the workspace mounted
# from the runner, and its documentation says not to set USER (the action could not write
# $GITHUB_WORKSPACE, $GITHUB_OUTPUT or $GITHUB_STEP_SUMMARY). See docs/github.md.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/zdp zdp

ENV ZDP_HOME=/opt/zdp \
    PATH=/opt/zdp/bin:$PATH \
    TF_IN_AUTOMATION=1 \
    TF_INPUT=0 \
    CHECKPOINT_DISABLE=1

COPY --from=terraform /usr/local/bin/terraform /usr/local/bin/terraform
COPY --from=runtime /opt/zdp /opt/zdp
COPY packaging/zdp /opt/zdp/bin/zdp
COPY packaging/jvm-defaults.sh /opt/zdp/libexec/jvm-defaults.sh
COPY packaging/appcds.sh /opt/zdp/libexec/appcds.sh
COPY examples/acme /opt/zdp/examples/acme

# Record the build id (packaging/jvm-defaults.sh) and the AppCDS archive here, where the runtime
# and the jar stay, then prove the JVM maps it (-Xshare:on fails when it cannot) and that
# terraform runs.
RUN chmod 0755 /opt/zdp/bin/zdp /opt/zdp/libexec/appcds.sh \
 && . /opt/zdp/libexec/jvm-defaults.sh \
 && zdp_build_id /opt/zdp/zdp.jar /opt/zdp/lib >/opt/zdp/build-id \
 && /opt/zdp/libexec/appcds.sh /opt/zdp /opt/zdp/examples/acme \
 && JAVA_OPTS=-Xshare:on zdp --version \
 && zdp validate --model /opt/zdp/examples/acme \
 && terraform version

ENTRYPOINT ["zdp", "action"]
