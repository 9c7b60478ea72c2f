/// A container of a pod.
struct Container: Encodable, Sendable {
    let name: String
    let image: String
    let imagePullPolicy: String
    var command: [String]? = nil
    var args: [String]? = nil
    let ports: [ContainerPort]
    var env: [EnvVar]? = nil
    let resources: ResourceRequirements
    var livenessProbe: Probe? = nil
    let readinessProbe: Probe
    var securityContext: SecurityContext? = nil
    let volumeMounts: [VolumeMount]
}

/// What a container may do: here, bind low ports and nothing else.
struct SecurityContext: Encodable, Sendable {
    let allowPrivilegeEscalation: Bool
    let capabilities: Capabilities
    let readOnlyRootFilesystem: Bool

    /// Linux capabilities added and dropped.
    struct Capabilities: Encodable, Sendable {
        let add: [String]
        let drop: [String]
    }
}

/// A named container port.
struct ContainerPort: Encodable, Sendable {
    let name: String
    let containerPort: Int
    var `protocol` = "TCP"
}

/// An environment variable taken from the container's own resource limits.
struct EnvVar: Encodable, Sendable {
    let name: String
    let valueFrom: Source

    /// Where the value comes from: the container's resources, or a field of the pod.
    struct Source: Encodable, Sendable {
        var fieldRef: FieldSelector? = nil
        var resourceFieldRef: ResourceFieldSelector? = nil
    }

    /// A field of the pod, e.g. `spec.nodeName`.
    struct FieldSelector: Encodable, Sendable {
        let fieldPath: String
    }

    /// `resource` (e.g. `limits.memory`) divided by `divisor` (e.g. `1Mi`).
    struct ResourceFieldSelector: Encodable, Sendable {
        let resource: String
        let divisor: String
    }

    /// The variable `name` holding `resource` / `divisor`.
    static func resource(_ name: String, _ resource: String, divisor: String) -> EnvVar {
        EnvVar(name: name, valueFrom: Source(resourceFieldRef: ResourceFieldSelector(resource: resource, divisor: divisor)))
    }

    /// The variable `name` holding the pod's field `path`.
    static func field(_ name: String, _ path: String) -> EnvVar {
        EnvVar(name: name, valueFrom: Source(fieldRef: FieldSelector(fieldPath: path)))
    }
}

/// Requests and limits, as Kubernetes quantities.
struct ResourceRequirements: Encodable, Sendable {
    let requests: SortedMap<String>
    let limits: SortedMap<String>
}

/// A probe by HTTP GET.
struct Probe: Encodable, Sendable {
    let httpGet: HTTPGetAction
    let initialDelaySeconds: Int
    let periodSeconds: Int
    let failureThreshold: Int
}

/// An HTTP GET against a named container port.
struct HTTPGetAction: Encodable, Sendable {
    let path: String
    /// The container port's name.
    let port: String
    let scheme: String
}

/// Where a volume appears in the container.
struct VolumeMount: Encodable, Sendable {
    let name: String
    let mountPath: String
}
