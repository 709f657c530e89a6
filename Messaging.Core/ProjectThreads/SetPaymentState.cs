using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Projects;

namespace Messaging.Core.ProjectThreads;

/// <summary>Staff set where the project's payment stands (not invoiced, invoiced, partially paid, paid); clients read it in the panel.</summary>
public sealed class SetPaymentState(ProjectPanelEdits edits)
{
    public Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, PaymentState state, CancellationToken ct) =>
        edits.RunAsync(me, conversationId, project =>
        {
            if (!Enum.IsDefined(state))
            {
                return Task.FromResult(Result<ProjectPanelEdits.Change>.Invalid("State", "Choose a payment state."));
            }

            var changed = project.PaymentState != state;
            project.PaymentState = state;
            return Task.FromResult(Result<ProjectPanelEdits.Change>.Ok(new(changed ? $"Payment: {ProjectPanelRules.Label(state)}." : null)));
        }, ct);
}
