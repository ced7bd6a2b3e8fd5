# Campaign.Orleans host: one image for every silo (HTTP API, webhooks, admin UI and the Orleans silo in one process).
# docker build -t campaign-orleans .   See docs/deployment.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Campaign.Host -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The data folder holds nothing shared in a cluster (everything is in Azure Storage), but the host resolves it at start.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    CAMPAIGN_PROFILE=cluster \
    DOTNET_gcServer=0
# The image's non-root user (APP_UID, 1654).
USER $APP_UID
# HTTP (API, webhooks, UI, probes), silo-to-silo, client gateway.
EXPOSE 8080 11111 30000
# The image has no curl or wget: the host itself asks its liveness probe (see HealthCheckCommand).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/Campaign.Host.dll", "--health-check", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "/app/Campaign.Host.dll"]
