import RegionMesh

/// `azure/cloud-init.yaml`: what every VM does on its first boot. It partitions, formats and
/// mounts the node's data disk, where k3s keeps its local-path volumes (the database's). Written
/// into `out/` so that a reviewer reads exactly what runs on the machines.
enum AzureCloudInit {
    static func artifact(_ plan: Plan, _ azure: AzurePlan, header: FileHeader) -> Artifact {
        // Every region mounts its data disk at the same place and LUN.
        let disk = azure.regions[0].dataDisk
        let device = "/dev/disk/azure/scsi1/lun\(disk.lun)"
        let text = """
            #cloud-config
            \(header.comment().dropLast())
            #
            # The first boot of every VM: the data disk at LUN \(disk.lun) (\(device), a symlink
            # Azure's udev rules make on its Linux images) gets one GPT partition with an ext4 file system
            # labelled regionmesh-data, mounted at \(disk.mountPath). It is never reformatted:
            # overwrite is false and the file system is made only where there is none. k3s puts its
            # local-path volumes (the database's) in \(disk.mountPath)/local-path.
            disk_setup:
              \(device):
                table_type: gpt
                layout: true
                overwrite: false
            fs_setup:
              - label: regionmesh-data
                filesystem: ext4
                device: \(device)
                partition: auto
                overwrite: false
            mounts:
              - [LABEL=regionmesh-data, \(disk.mountPath), ext4, "defaults,nofail,discard", "0", "2"]
            runcmd:
              - [mkdir, -p, \(disk.mountPath)/local-path]
            """
        return Artifact(path: AzureInfrastructureScript.cloudInitPath, contents: text)
    }
}
