import RegionMesh

/// `azure/grow-data-disk.sh`: what a VM runs (through `az vm run-command invoke`) after Azure has
/// grown its data disk: it rescans the disk, grows the partition cloud-init made on it and then the
/// ext4 file system, all while the database keeps running. Written into `out/` so that a reviewer
/// reads exactly what runs on the machines; it is not run on the operator's machine.
enum AzureDiskGrowth {
    static let path = "azure/grow-data-disk.sh"
    /// The script's last line, printed only when everything before it succeeded. `az vm run-command
    /// invoke` succeeds whatever the script's exit status (Azure/azure-cli#14425), so the caller
    /// looks for this line in the output instead.
    static let doneLine = "regionmesh: data disk grown"

    static func artifact(_ plan: Plan, _ azure: AzurePlan, header: FileHeader) -> Artifact {
        let disk = azure.regions[0].dataDisk
        let device = "/dev/disk/azure/scsi1/lun\(disk.lun)"
        let text = """
            #!/bin/sh
            \(header.comment().dropLast())
            #
            # Runs as root inside a VM, sent by \(AzureInfrastructureScript.path) (az vm run-command invoke)
            # after Azure has grown the VM's data disk while it runs. Makes partition 1 of the data disk at
            # LUN \(disk.lun) and its ext4 file system (mounted at \(disk.mountPath)) use the whole disk;
            # both grow online. growpart exits 1 when there is nothing to grow, which is fine on a re-run.
            set -eu
            disk="$(readlink -f \(device))"
            echo 1 >"/sys/class/block/${disk##*/}/device/rescan"
            growpart "$disk" 1 || [ "$?" -eq 1 ]
            resize2fs "$(readlink -f \(device)-part1)"
            df -h \(disk.mountPath)
            echo '\(doneLine)'

            """
        return Artifact(path: path, contents: text)
    }
}
