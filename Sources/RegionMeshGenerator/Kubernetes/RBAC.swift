/// `rbac.authorization.k8s.io/v1` Role.
struct Role: KubernetesObject {
    let apiVersion = "rbac.authorization.k8s.io/v1"
    let kind = "Role"
    var metadata: ObjectMeta
    let rules: [PolicyRule]
}

/// One rule of a Role.
struct PolicyRule: Encodable, Sendable {
    let apiGroups: [String]
    let resources: [String]
    var resourceNames: [String]? = nil
    let verbs: [String]
}

/// `rbac.authorization.k8s.io/v1` RoleBinding.
struct RoleBinding: KubernetesObject {
    let apiVersion = "rbac.authorization.k8s.io/v1"
    let kind = "RoleBinding"
    var metadata: ObjectMeta
    let subjects: [Subject]
    let roleRef: RoleRef
}

/// Who a RoleBinding binds: here always a ServiceAccount in a given namespace.
struct Subject: Encodable, Sendable {
    var kind = "ServiceAccount"
    let name: String
    let namespace: String
}

/// The Role a RoleBinding grants.
struct RoleRef: Encodable, Sendable {
    var apiGroup = "rbac.authorization.k8s.io"
    var kind = "Role"
    let name: String
}

/// `rbac.authorization.k8s.io/v1` ClusterRole.
struct ClusterRole: KubernetesObject {
    let apiVersion = "rbac.authorization.k8s.io/v1"
    let kind = "ClusterRole"
    var metadata: ObjectMeta
    let rules: [PolicyRule]
}

/// `rbac.authorization.k8s.io/v1` ClusterRoleBinding.
struct ClusterRoleBinding: KubernetesObject {
    let apiVersion = "rbac.authorization.k8s.io/v1"
    let kind = "ClusterRoleBinding"
    var metadata: ObjectMeta
    let subjects: [Subject]
    let roleRef: RoleRef
}
