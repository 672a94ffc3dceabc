# source: nathanlem1/SVM_PyTorch SVM_PyTorch_train.py@38e71b6f41d06fbadf0251758691b37ec6cb6733 (torchvision's MNIST replaced by seeded random 20-feature samples of 4 classes in TensorDatasets, train loader unshuffled; argparse replaced by its defaults in a plain object, with rg_type 'L2', num_epochs 20 -> 3, batch_size 100 -> 16, lr 0.001 -> 0.05; CUDA selection and torch.save removed)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler
from torch.utils.data import DataLoader, TensorDataset
import copy


class SVM(nn.Module):
    """
    Using fully connected neural network to implement linear SVM and Logistic regression with hinge loss and
    cross-entropy loss which computes softmax internally, respectively.
    """
    def __init__(self, input_size, num_classes):
        super(SVM, self).__init__()    # Call the init function of nn.Module
        self.fc = nn.Linear(input_size, num_classes)

    def forward(self, x):
        out = self.fc(x)
        return out


def train_model(model, dataloaders, dataset_sizes, criterion, optimizer, scheduler, other_args):
    best_model_wts = copy.deepcopy(model.state_dict())
    best_acc = 0.0

    for epoch in range(other_args.num_epochs):

        # Each epoch has a training and validation phase
        for phase in ['train', 'val']:
            if phase == 'train':
                model.train()  # Set model to training mode
            else:
                model.eval()  # Set model to evaluate mode

            running_loss = 0.0
            running_corrects = 0

            for i, (images, labels) in enumerate(dataloaders[phase]):
                # Reshape images to (batch_size, input_size) and then move to device
                images = images.reshape(-1, other_args.input_size).to(other_args.device)
                labels = labels.to(other_args.device)

                # Forward pass - track history if only in train
                with torch.set_grad_enabled(phase == 'train'):
                    outputs = model(images)
                    _, preds = torch.max(outputs, 1)
                    loss = criterion(outputs, labels)  # data loss

                    # Add regularization i.e.  Full loss = data loss + regularization loss
                    weight = model.fc.weight.squeeze()
                    if other_args.rg_type == 'L1':
                        loss += other_args.c * torch.sum(torch.abs(weight))
                    elif other_args.rg_type == 'L2':   # add L2 (Ridge) loss
                        loss += other_args.c * torch.sum(weight * weight)
                    elif other_args.rg_type == 'L1L2':   # add Elastic net (beta*L2 + L1) loss
                        loss += other_args.c * torch.sum(other_args.beta * weight * weight + torch.abs(weight))

                    # backward + optimize only if in training phase
                    if phase == 'train':
                        optimizer.zero_grad()
                        loss.backward()
                        optimizer.step()

                # Collect statistics
                running_loss += loss.item() * images.size(0)  # images.size(0) is batch size.
                running_corrects += torch.sum(preds == labels.data)

            if phase == 'train':
                scheduler.step()

            epoch_loss = running_loss / dataset_sizes[phase]
            epoch_acc = running_corrects.double() / dataset_sizes[phase]

            print('Epoch [{}/{}], {} Loss: {:.4f} Acc: {:.4f}'.format(
                epoch + 1, other_args.num_epochs, phase, epoch_loss, epoch_acc*100.))

            # deep copy the model
            if phase == 'val' and epoch_acc > best_acc:
                best_acc = epoch_acc
                best_model_wts = copy.deepcopy(model.state_dict())

    print('Best val Acc in percentage: {:.4f}'.format(best_acc*100.))

    # Load best model weights
    model.load_state_dict(best_model_wts)

    return model


class Args:
    num_epochs = 3
    batch_size = 16
    lr = 0.05
    c = 0.01
    beta = 1.0
    rg_type = 'L2'
    classification_type = 'svm'
    input_size = 20
    device = torch.device('cpu')


def main():
    args = Args()
    torch.manual_seed(0)
    centers = torch.randn(4, 20) * 2
    train_labels = torch.randint(0, 4, (64,))
    val_labels = torch.randint(0, 4, (32,))
    train_dataset = TensorDataset(centers[train_labels] + torch.randn(64, 20), train_labels)
    val_dataset = TensorDataset(centers[val_labels] + torch.randn(32, 20), val_labels)

    train_loader = DataLoader(dataset=train_dataset, batch_size=args.batch_size, shuffle=False)
    val_loader = DataLoader(dataset=val_dataset, batch_size=args.batch_size, shuffle=False)
    dataloaders = {}
    dataloaders['train'] = train_loader
    dataloaders['val'] = val_loader

    dataset_sizes = {}
    dataset_sizes['train'] = len(train_dataset)
    dataset_sizes['val'] = len(val_dataset)

    num_classes = 4
    input_size = args.input_size

    # Initialized the model to be trained: SVM or Logistic regression
    model = SVM(input_size, num_classes)
    model.to(args.device)

    # Loss and optimizer
    if args.classification_type == 'svm':
        criterion = nn.MultiMarginLoss()  # Multi-class classification hinge loss (margine-based loss); SVM
    elif args.classification_type == 'logisticR':
        criterion = nn.CrossEntropyLoss()  # Cross-entropy loss which computes softmax internally; logistic regression

    optimizer = optim.SGD(model.parameters(), lr=args.lr)

    # Decay LR by a factor of 0.1 every 10 epochs
    exp_lr_scheduler = lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.1)

    # Train the model
    model = train_model(model, dataloaders, dataset_sizes, criterion, optimizer, exp_lr_scheduler, args)
    print(model.fc.weight[0, :5])


# Execute from the interpreter
if __name__ == "__main__":
    main()
