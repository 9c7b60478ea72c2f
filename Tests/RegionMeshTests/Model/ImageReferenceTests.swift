import RegionMesh
import Testing

/// Image references as containerd and a registry mirror read them.
@Suite("Image references")
struct ImageReferenceTests {
    @Test("Docker Hub is the registry when the first component is no host name", arguments: [
        ("cockroachdb/cockroach:v26.2.1", "docker.io", "cockroachdb/cockroach", ":v26.2.1"),
        ("busybox:1.36", "docker.io", "library/busybox", ":1.36"),
        ("docker.io/rancher/mirrored-coredns-coredns:1.14.2", "docker.io", "rancher/mirrored-coredns-coredns", ":1.14.2"),
        ("index.docker.io/library/alpine:3", "docker.io", "library/alpine", ":3"),
        ("quay.io/cilium/cilium:v1.19.5", "quay.io", "cilium/cilium", ":v1.19.5"),
        ("localhost/app:1", "localhost", "app", ":1"),
        ("registry.example.com:5000/team/app@sha256:abc", "registry.example.com:5000", "team/app", "@sha256:abc"),
    ])
    func parses(text: String, registry: String, repository: String, reference: String) throws {
        let image = try #require(ImageReference(text))
        #expect(image.registry == registry && image.repository == repository && image.reference == reference)
        #expect(image.description == "\(registry)/\(repository)\(reference)")
        #expect(image.path == repository + reference)
    }

    @Test("an unpinned reference is none", arguments: ["cockroachdb/cockroach", "quay.io/cilium/cilium", ":v1", ""])
    func unpinned(text: String) {
        #expect(ImageReference(text) == nil)
    }
}
