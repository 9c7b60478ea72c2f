import RegionMesh

/// The registration point of the generator: the generator of each component of a Plan, with the
/// capabilities one component lends another.
enum GeneratorRegistry {
    /// The generators of `plan`'s components: provider, distribution, network plugin, database;
    /// `context` is what their files say about the command that regenerates them.
    static func components(of plan: Plan, context: GenerationContext = GenerationContext()) -> [any ComponentGenerator] {
        let provider: any ComponentGenerator & NodeAccess & MachineLifecycle = switch plan.provider {
        case .azure(let azure): AzureGenerator(plan: plan, azure: azure, context: context)
        }
        let distribution: any ComponentGenerator = switch plan.distribution {
        case .k3s(let k3s): K3sGenerator(plan: plan, k3s: k3s, nodeAccess: provider, machines: provider, context: context)
        }
        let networkPlugin: any ComponentGenerator = switch plan.networkPlugin {
        case .cilium(let cilium): CiliumGenerator(plan: plan, cilium: cilium, context: context)
        }
        let database: any ComponentGenerator = switch plan.database {
        case .cockroachDB(let cockroach): CockroachGenerator(plan: plan, cockroach: cockroach)
        }
        return [provider, distribution, networkPlugin, database]
    }
}
