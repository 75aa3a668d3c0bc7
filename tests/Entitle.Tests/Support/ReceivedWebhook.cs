namespace Entitle.Tests.Support;

public sealed record ReceivedWebhook(string Body, string Signature, string EventType, string DeliveryId);
