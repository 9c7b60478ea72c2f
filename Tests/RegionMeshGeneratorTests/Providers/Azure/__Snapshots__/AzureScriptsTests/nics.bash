# Step 6: a NIC per node with its private IP pinned, so every artifact knows the node addresses.
step_nics() {
  if ! exists az network nic show --resource-group rg-fixture --name crdb-r1-node1-nic; then
    run az network nic create \
      --resource-group rg-fixture \
      --name crdb-r1-node1-nic \
      --location eastus \
      --vnet-name crdb-r1-vnet \
      --subnet crdb-r1-subnet \
      --private-ip-address 10.1.1.4 \
      --network-security-group crdb-r1-nsg \
      --public-ip-address crdb-r1-node1-ip \
      --output none
  else
    info 'NIC crdb-r1-node1-nic exists'
  fi
  if ! exists az network nic show --resource-group rg-fixture --name crdb-r1-node2-nic; then
    run az network nic create \
      --resource-group rg-fixture \
      --name crdb-r1-node2-nic \
      --location eastus \
      --vnet-name crdb-r1-vnet \
      --subnet crdb-r1-subnet \
      --private-ip-address 10.1.1.5 \
      --network-security-group crdb-r1-nsg \
      --public-ip-address crdb-r1-node2-ip \
      --output none
  else
    info 'NIC crdb-r1-node2-nic exists'
  fi
  if ! exists az network nic show --resource-group rg-fixture --name crdb-r2-node1-nic; then
    run az network nic create \
      --resource-group rg-fixture \
      --name crdb-r2-node1-nic \
      --location westus \
      --vnet-name crdb-r2-vnet \
      --subnet crdb-r2-subnet \
      --private-ip-address 10.2.1.4 \
      --network-security-group crdb-r2-nsg \
      --public-ip-address crdb-r2-node1-ip \
      --output none
  else
    info 'NIC crdb-r2-node1-nic exists'
  fi
  if ! exists az network nic show --resource-group rg-fixture --name crdb-r2-node2-nic; then
    run az network nic create \
      --resource-group rg-fixture \
      --name crdb-r2-node2-nic \
      --location westus \
      --vnet-name crdb-r2-vnet \
      --subnet crdb-r2-subnet \
      --private-ip-address 10.2.1.5 \
      --network-security-group crdb-r2-nsg \
      --public-ip-address crdb-r2-node2-ip \
      --output none
  else
    info 'NIC crdb-r2-node2-nic exists'
  fi
}
