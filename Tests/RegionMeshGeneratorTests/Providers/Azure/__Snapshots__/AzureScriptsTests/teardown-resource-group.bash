# Step 1: delete resource group rg-fixture.
step_resource_group() {
  local tag
  if found az group show --name rg-fixture; then
    tag="$(capture fixture az group show \
      --name rg-fixture \
      --query 'tags."regionmesh-topology"' \
      --output tsv)"
    if [[ "$tag" != fixture ]]; then
      die 'resource group rg-fixture is not tagged regionmesh-topology=fixture; RegionMesh did not create it and will not delete it'
    fi
    confirm 'Delete resource group rg-fixture with its 4 VMs, disks, NICs, public IPs, NSGs and 2 VNets?' || die 'not confirmed; nothing was deleted'
    run az group delete --name rg-fixture --yes
  else
    info 'resource group rg-fixture does not exist'
  fi
}
