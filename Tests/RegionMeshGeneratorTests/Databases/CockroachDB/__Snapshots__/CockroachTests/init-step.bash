# Step 2: cockroach init in cockroachdb-0 of r1, once; done when already initialised.
step_init() {
  wait_until 'cockroach init has run in cockroachdb-0 of r1' 300 succeeds_or_says 'cluster has already been initialized' kubectl exec cockroachdb-0 \
    --kubeconfig "$KUBECONFIG_FILE" \
    --context crdb-r1 \
    --namespace r1 \
    -- /cockroach/cockroach init --certs-dir /cockroach/cockroach-certs --host cockroachdb-0.cockroachdb.r1.svc.cluster.local:26257
}
