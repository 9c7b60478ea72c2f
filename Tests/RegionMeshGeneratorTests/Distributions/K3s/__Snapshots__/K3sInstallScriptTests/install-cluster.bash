# Step 2: cluster crdb-r2 in region r2: k3sup install on crdb-r2-node1, then k3sup join --server of the 1 others.
step_crdb_r2() {
  local server_ip node_ip
  server_ip="$(capture '<public-ip-of-crdb-r2-node1>' az network public-ip show \
    --resource-group rg-fixture \
    --name crdb-r2-node1-ip \
    --query ipAddress \
    --output tsv)"
  if ! exists kubectl get node crdb-r2-node1 --kubeconfig "$KUBECONFIG_DIR/crdb-r2.yaml" --context crdb-r2 --request-timeout 10s; then
    run k3sup install \
      --ip "$server_ip" \
      --user ops \
      --ssh-key "$SSH_PRIVATE_KEY_FILE" \
      --cluster \
      --k3s-version v1.33.5+k3s1 \
      --k3s-extra-args '--flannel-backend=none --disable-network-policy --cluster-cidr=10.102.0.0/16 --service-cidr=10.202.0.0/16 --cluster-dns=10.202.0.10 --cluster-domain=cluster.local --disable=servicelb --disable=traefik --disable=coredns --default-local-storage-path=/var/lib/regionmesh/data/local-path --node-ip=10.2.1.4 --node-label=topology.kubernetes.io/region=westus' \
      --local-path "$KUBECONFIG_DIR/crdb-r2.yaml" \
      --context crdb-r2
  else
    info 'node crdb-r2-node1 of crdb-r2 exists'
  fi
  wait_until 'node crdb-r2-node1 is registered in crdb-r2' 300 kubectl get node crdb-r2-node1 \
    --kubeconfig "$KUBECONFIG_DIR/crdb-r2.yaml" \
    --context crdb-r2 \
    --request-timeout 10s
  if ! exists kubectl get node crdb-r2-node2 --kubeconfig "$KUBECONFIG_DIR/crdb-r2.yaml" --context crdb-r2 --request-timeout 10s; then
    node_ip="$(capture '<public-ip-of-crdb-r2-node2>' az network public-ip show \
      --resource-group rg-fixture \
      --name crdb-r2-node2-ip \
      --query ipAddress \
      --output tsv)"
    run k3sup join \
      --ip "$node_ip" \
      --user ops \
      --ssh-key "$SSH_PRIVATE_KEY_FILE" \
      --server \
      --server-ip "$server_ip" \
      --server-user ops \
      --server-url https://10.2.1.4:6443 \
      --k3s-version v1.33.5+k3s1 \
      --k3s-extra-args '--flannel-backend=none --disable-network-policy --cluster-cidr=10.102.0.0/16 --service-cidr=10.202.0.0/16 --cluster-dns=10.202.0.10 --cluster-domain=cluster.local --disable=servicelb --disable=traefik --disable=coredns --default-local-storage-path=/var/lib/regionmesh/data/local-path --node-ip=10.2.1.5 --node-label=topology.kubernetes.io/region=westus'
  else
    info 'node crdb-r2-node2 of crdb-r2 exists'
  fi
  wait_until 'the 2 nodes of crdb-r2 are registered' 600 kubectl get node crdb-r2-node1 crdb-r2-node2 \
    --kubeconfig "$KUBECONFIG_DIR/crdb-r2.yaml" \
    --context crdb-r2 \
    --request-timeout 10s
  merge_kubeconfig crdb-r2
  info 'the nodes of crdb-r2 stay NotReady until the network plugin is installed'
}
